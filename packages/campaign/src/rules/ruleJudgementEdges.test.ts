import { describe, expect, it } from 'vitest';
import type { Objection } from '../domain/SubjectContext.js';
import { authMemberSelf, authSecretary } from './authSecretary.js';
import { authOwnName, authRole } from './authRole.js';
import { campaignConcluded } from './campaignConcluded.js';
import { campaignDeadline, endsAfterLaunch } from './campaignDeadline.js';
import { clockMonotonic } from './clockMonotonic.js';
import { concreteProblems } from './commitmentConcrete.js';
import { commitmentFirstResponsible } from './commitmentFirstResponsible.js';
import { memberDiscipline } from './memberDiscipline.js';
import { objectionIsNew, objectionIsOpen, objectionsCleared } from './noticeObjection.js';
import { noticeEnded, noticeLongEnough, withinNotice } from './noticePeriod.js';
import { advancesToNext, concludeWindow, notLaunched, phaseWindow } from './phaseWindow.js';
import { reviewRegular } from './reviewRegular.js';
import { subjectState } from './subjectState.js';

// The edges the other rule tests leave open, found by mutation testing (docs/mutation-testing.md):
// each rule's verdict on a missing value (no actor, no end, no notice), and its whole message.
const T0 = '2012-10-01T09:00:00+08:00';
const T1 = '2012-10-08T09:00:00+08:00';

describe('auth rules without an actor or with several roles allowed', () => {
  it('auth.role names every allowed role and a missing actor', () => {
    expect(
      authRole.judge({ command: 'Nominate', role: null, allowed: ['committee', 'secretary'] }),
    ).toEqual({
      ruleId: 'auth.role',
      holds: false,
      message: 'Nominate may be sent by committee or secretary; the actor is missing',
    });
    expect(authOwnName.judge({ what: 'a recommendation', actorId: null, nameId: 'p1' })).toEqual({
      ruleId: 'auth.role',
      holds: false,
      message: 'a recommendation in the name of p1 must come from p1; the actor is missing',
    });
  });

  it('auth.secretary refuses when the organization has no secretary, naming the actor or "(none)"', () => {
    expect(authSecretary.judge({ actorId: 'a1', orgId: 'o1', secretary: null })).toEqual({
      ruleId: 'auth.secretary',
      holds: false,
      message: 'organization o1 has no secretary, so actor a1 cannot act as its secretary',
    });
    expect(authSecretary.judge({ actorId: null, orgId: 'o1', secretary: null }).message).toBe(
      'organization o1 has no secretary, so actor (none) cannot act as its secretary',
    );
    expect(
      authSecretary.judge({ actorId: null, orgId: 'o1', secretary: { id: 's1', name: 'S' } }),
    ).toEqual({
      ruleId: 'auth.secretary',
      holds: false,
      message:
        'only the current secretary of organization o1 (s1) may do this; the actor is (none)',
    });
    expect(authMemberSelf.judge({ actorId: null, memberId: 'm1' }).message).toBe(
      'only member m1 may publish their own commitment; the actor is (none)',
    );
  });
});

describe('campaign rules', () => {
  it('campaign.concluded says when, if it knows', () => {
    expect(
      campaignConcluded.judge({ campaignId: 'zz', status: 'concluded', concludedAt: T1 }),
    ).toEqual({
      ruleId: 'campaign.concluded',
      holds: false,
      message: `campaign zz was concluded at ${T1}; it takes no more commands`,
    });
    expect(
      campaignConcluded.judge({ campaignId: 'zz', status: 'concluded', concludedAt: null }).message,
    ).toBe('campaign zz was concluded; it takes no more commands');
  });

  it('campaign.deadline holds before the end and without one, and fails from the end on', () => {
    expect(campaignDeadline.judge({ command: 'Nominate', at: T0, endsAt: null })).toEqual({
      ruleId: 'campaign.deadline',
      holds: true,
      message: `Nominate at ${T0} comes at or after the campaign's end (?); only ConcludeCampaign is accepted then`,
    });
    expect(campaignDeadline.judge({ command: 'Nominate', at: T0, endsAt: T1 }).holds).toBe(true);
    expect(campaignDeadline.judge({ command: 'Nominate', at: T1, endsAt: T1 }).holds).toBe(false);
    expect(endsAfterLaunch.judge({ at: T1, endsAt: T0 })).toEqual({
      ruleId: 'campaign.deadline',
      holds: false,
      message: `the campaign must end after its launch: endsAt ${T0} is not after ${T1}`,
    });
  });

  it('clock.monotonic names every bound, joined, whether or not it fails', () => {
    const bounds = [
      { of: 'the last event of organization o1', lastAt: T0 },
      { of: 'the last campaign-level event of campaign zz', lastAt: T1 },
      { of: 'nothing yet', lastAt: null },
    ];
    expect(clockMonotonic.judge({ at: T1, bounds })).toEqual({
      ruleId: 'clock.monotonic',
      holds: true,
      message: `at ${T1} is not earlier than the last event of organization o1 nor the last campaign-level event of campaign zz nor nothing yet`,
    });
    expect(clockMonotonic.judge({ at: '2012-09-01T09:00:00+08:00', bounds })).toEqual({
      ruleId: 'clock.monotonic',
      holds: false,
      message: `at 2012-09-01T09:00:00+08:00 is earlier than the last event of organization o1 (${T0}) and the last campaign-level event of campaign zz (${T1})`,
    });
  });
});

describe('phase.window', () => {
  it('names every phase that allows the command', () => {
    expect(
      phaseWindow.judge({
        command: 'EnrollMember',
        campaignId: 'zz',
        status: 'evaluating',
        allowed: ['mobilizing', 'committing'],
      }).message,
    ).toBe(
      'EnrollMember is allowed while the campaign is mobilizing or committing; campaign zz is evaluating',
    );
  });

  it('launches only an unlaunched campaign', () => {
    expect(notLaunched.judge({ campaignId: 'zz', status: 'unlaunched' }).holds).toBe(true);
    expect(notLaunched.judge({ campaignId: 'zz', status: 'mobilizing' }).holds).toBe(false);
  });

  it('leaves an unlaunched or concluded campaign to the other rules when advancing', () => {
    expect(advancesToNext.judge({ status: 'unlaunched', to: 'committing' })).toEqual({
      ruleId: 'phase.window',
      holds: true,
      message: 'a campaign that is unlaunched does not advance',
    });
    expect(advancesToNext.judge({ status: 'concluded', to: 'committing' })).toEqual({
      ruleId: 'phase.window',
      holds: true,
      message: 'a campaign that is concluded does not advance',
    });
    expect(advancesToNext.judge({ status: 'evaluating', to: 'committing' })).toEqual({
      ruleId: 'phase.window',
      holds: false,
      message: 'the campaign is evaluating; it can only advance to commending, not committing',
    });
    expect(advancesToNext.judge({ status: 'evaluating', to: 'commending' }).holds).toBe(true);
  });

  it('concludes an unlaunched, concluded or commending campaign, or any once its end has come', () => {
    for (const status of ['unlaunched', 'concluded', 'commending'] as const)
      expect(concludeWindow.judge({ status, at: T0, endsAt: T1 }).holds).toBe(true);
    expect(concludeWindow.judge({ status: 'mobilizing', at: T0, endsAt: null })).toEqual({
      ruleId: 'phase.window',
      holds: false,
      message: `a campaign concludes from commending, or from any phase once its end (?) has come; it is mobilizing at ${T0}`,
    });
    expect(concludeWindow.judge({ status: 'mobilizing', at: T0, endsAt: T1 }).holds).toBe(false);
    expect(concludeWindow.judge({ status: 'mobilizing', at: T1, endsAt: T1 }).holds).toBe(true);
  });
});

describe('subject rules', () => {
  it('member.discipline counts violations in the plural', () => {
    expect(memberDiscipline.judge({ memberId: 'm1', violations: 2 })).toEqual({
      ruleId: 'member.discipline',
      holds: false,
      message: 'member m1 has 2 recorded disciplinary violations',
    });
  });

  it('commitment.first-responsible names the secretary it found', () => {
    expect(
      commitmentFirstResponsible.judge({ orgId: 'o1', secretary: { id: 's1', name: 'Li' } }),
    ).toEqual({
      ruleId: 'commitment.first-responsible',
      holds: true,
      message: 'organization o1 has a first responsible person, secretary Li (s1)',
    });
  });

  it('subject.state names every allowed state, and tells an enrolled subject from a wrong state', () => {
    expect(
      subjectState.judge({
        command: 'Commend',
        subject: 'organization o1',
        state: 'enrolled',
        allowed: ['nominated', 'noticed'],
      }),
    ).toEqual({
      ruleId: 'subject.state',
      holds: false,
      message: 'Commend needs organization o1 to be nominated or noticed; it is enrolled',
    });
    expect(
      subjectState.judge({
        command: 'Nominate',
        subject: 'organization o1',
        state: 'enrolled',
        allowed: ['committed'],
      }).message,
    ).toBe('Nominate needs organization o1 to be committed; it is enrolled');
    expect(
      subjectState.judge({
        command: 'X',
        subject: 'member m1',
        state: 'committed',
        allowed: ['unenrolled', 'enrolled'],
      }).message,
    ).toBe('X needs member m1 to be unenrolled or enrolled; it is committed');
  });

  it('commitment.concrete names repeated ids once each, and accepts a pledge due before the end', () => {
    const pledge = (id: string) => ({
      id,
      text: 't',
      centralTask: 'c',
      target: { metric: 'm', value: 1 },
      due: '2012-06-01T00:00:00+08:00',
    });
    const input = {
      at: '2012-01-01T00:00:00+08:00',
      endsAt: '2012-12-31T00:00:00+08:00',
      minPledges: 1,
    };
    expect(concreteProblems({ ...input, pledges: [pledge('a')] })).toEqual([]);
    expect(
      concreteProblems({ ...input, pledges: ['a', 'b', 'a', 'b', 'a'].map((id) => pledge(id)) }),
    ).toEqual(['pledge ids repeat: a, b']);
  });
});

describe('notice rules', () => {
  const objection = (objectionId: string, resolution: Objection['resolution']): Objection => ({
    objectionId,
    reason: 'r',
    filedBy: { id: 'p', role: 'public' },
    at: T0,
    resolution,
  });
  const dismissed = { upheld: false, finding: 'f', at: T1 };
  const upheld = { upheld: true, finding: 'f', at: T1 };

  it('notice.period: a notice shorter than required fails', () => {
    expect(noticeLongEnough.judge({ days: 6, minNoticeDays: 7 }).holds).toBe(false);
  });

  it('notice.period: no objection without a whole notice, none after it, none before', () => {
    for (const [startsAt, endsAt] of [
      [null, T1],
      [T0, null],
    ] as const) {
      expect(withinNotice.judge({ at: T0, startsAt, endsAt })).toEqual({
        ruleId: 'notice.period',
        holds: false,
        message: `no public notice is running at ${T0}`,
      });
      expect(noticeEnded.judge({ at: T1, startsAt, endsAt }).message).toBe(
        `no public notice was given before ${T1}`,
      );
    }
    expect(
      withinNotice.judge({ at: '2012-09-30T09:00:00+08:00', startsAt: T0, endsAt: T1 }).holds,
    ).toBe(false);
    expect(noticeEnded.judge({ at: T1, startsAt: null, endsAt: null }).holds).toBe(false);
    expect(noticeEnded.judge({ at: T0, startsAt: T0, endsAt: T1 }).holds).toBe(false);
  });

  it('notice.objection at Commend: counts, lists open and upheld objections by id', () => {
    const judge = (objections: Objection[]) => objectionsCleared.judge({ objections });
    expect(judge([objection('o1', dismissed)])).toEqual({
      ruleId: 'notice.objection',
      holds: true,
      message: '1 objection filed, all resolved, none upheld',
    });
    expect(judge([objection('o1', dismissed), objection('o2', dismissed)]).message).toBe(
      '2 objections filed, all resolved, none upheld',
    );
    expect(
      judge([objection('o1', null), objection('o2', null), objection('o3', dismissed)]),
    ).toEqual({
      ruleId: 'notice.objection',
      holds: false,
      message: 'unresolved objection(s): o1, o2',
    });
    expect(judge([objection('o1', upheld), objection('o2', upheld)])).toEqual({
      ruleId: 'notice.objection',
      holds: false,
      message: 'upheld objection(s): o1, o2',
    });
    expect(judge([objection('o1', null), objection('o2', upheld)]).message).toBe(
      'unresolved objection(s): o1; upheld objection(s): o2',
    );
  });

  it('notice.objection when filing or resolving: by this id, not another', () => {
    const others = [objection('o1', null), objection('o2', dismissed)];
    expect(objectionIsNew.judge({ objectionId: 'o3', objections: others }).holds).toBe(true);
    expect(objectionIsNew.judge({ objectionId: 'o2', objections: others })).toEqual({
      ruleId: 'notice.objection',
      holds: false,
      message: 'objection o2 was already filed',
    });
    expect(objectionIsOpen.judge({ objectionId: 'o3', objections: others })).toEqual({
      ruleId: 'notice.objection',
      holds: false,
      message: 'no objection o3 was filed against this subject',
    });
    expect(objectionIsOpen.judge({ objectionId: 'o2', objections: others }).message).toBe(
      'objection o2 was already resolved',
    );
    expect(objectionIsOpen.judge({ objectionId: 'o1', objections: others }).holds).toBe(true);
  });
});

describe('review.regular', () => {
  const input = { reviewIntervalDays: 60, nominatedAt: '2010-04-01T00:00:00Z' };

  it('fails, saying why, when the organization never committed', () => {
    expect(reviewRegular.judge({ ...input, committedAt: null, reviews: [] })).toEqual({
      ruleId: 'review.regular',
      holds: false,
      message: 'the organization has published no commitment to review',
    });
  });

  it('names the first of two longest gaps', () => {
    // committed 1 January, reviewed 1 February and 1 March, nominated 1 April: 31, 28 and 31 days
    const j = reviewRegular.judge({
      ...input,
      committedAt: '2010-01-01T00:00:00Z',
      reviews: ['2010-02-01T00:00:00Z', '2010-03-01T00:00:00Z'],
    });
    expect(j).toEqual({
      ruleId: 'review.regular',
      holds: true,
      message:
        '2 leadership reviews; longest gap 31 days (2010-01-01T00:00:00Z to 2010-02-01T00:00:00Z), at most 60 days allowed',
    });
  });

  it('orders the times as instants, whatever the order they come in or their offsets', () => {
    // The review of 05:00 UTC comes 3 hours after the commitment of 10:00 UTC+8, though its text
    // sorts first; the reviews are given out of order.
    const j = reviewRegular.judge({
      ...input,
      committedAt: '2010-01-01T10:00:00+08:00',
      reviews: ['2010-03-01T02:00:00Z', '2010-01-01T05:00:00Z'],
      nominatedAt: '2010-04-01T02:00:00Z',
    });
    expect(j).toEqual({
      ruleId: 'review.regular',
      holds: true,
      message:
        '2 leadership reviews; longest gap 58.9 days (2010-01-01T05:00:00Z to 2010-03-01T02:00:00Z), at most 60 days allowed',
    });
  });
});
