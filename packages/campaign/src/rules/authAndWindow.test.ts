import { describe, expect, it } from 'vitest';
import { authOwnName, authRole } from './authRole.js';
import { authMemberSelf, authSecretary } from './authSecretary.js';
import { campaignConcluded } from './campaignConcluded.js';
import { campaignDeadline, endsAfterLaunch } from './campaignDeadline.js';
import { clockMonotonic } from './clockMonotonic.js';
import { advancesToNext, concludeWindow, notLaunched, phaseWindow } from './phaseWindow.js';
import { subjectState } from './subjectState.js';

describe('auth.role', () => {
  it('holds for an allowed role and names the allowed roles when it fails', () => {
    expect(
      authRole.judge({ command: 'Nominate', role: 'committee', allowed: ['committee'] }).holds,
    ).toBe(true);
    expect(authRole.judge({ command: 'Nominate', role: 'public', allowed: ['committee'] })).toEqual(
      {
        ruleId: 'auth.role',
        holds: false,
        message: 'Nominate may be sent by committee; the actor is public',
      },
    );
  });
  it('refuses an evaluation in someone else’s name', () => {
    expect(authOwnName.judge({ what: 'an evaluation', actorId: 'p1', nameId: 'p1' }).holds).toBe(
      true,
    );
    const j = authOwnName.judge({ what: 'an evaluation', actorId: 'p1', nameId: 'p2' });
    expect(j).toMatchObject({ ruleId: 'auth.role', holds: false });
    expect(j.message).toBe('an evaluation in the name of p2 must come from p2; the actor is p1');
  });
});

describe('auth.secretary', () => {
  const secretary = { id: 's1', name: 'Li' };
  it('holds only for the organization’s current secretary', () => {
    expect(authSecretary.judge({ actorId: 's1', orgId: 'o1', secretary }).holds).toBe(true);
    expect(authSecretary.judge({ actorId: 's2', orgId: 'o1', secretary }).message).toBe(
      'only the current secretary of organization o1 (s1) may do this; the actor is s2',
    );
    expect(authSecretary.judge({ actorId: 's2', orgId: 'o1', secretary: null }).holds).toBe(false);
  });
  it('lets a member pledge only for themself', () => {
    expect(authMemberSelf.judge({ actorId: 'm1', memberId: 'm1' }).holds).toBe(true);
    expect(authMemberSelf.judge({ actorId: 'm2', memberId: 'm1' })).toMatchObject({
      ruleId: 'auth.secretary',
      holds: false,
      message: 'only member m1 may publish their own commitment; the actor is m2',
    });
  });
});

describe('phase.window', () => {
  const input = { command: 'Nominate', campaignId: 'zz', allowed: ['commending'] as const };
  it('holds in an allowed phase and leaves a concluded campaign to campaign.concluded', () => {
    expect(phaseWindow.judge({ ...input, status: 'commending' }).holds).toBe(true);
    expect(phaseWindow.judge({ ...input, status: 'concluded' }).holds).toBe(true);
  });
  it('fails outside the window and when the campaign does not exist', () => {
    expect(phaseWindow.judge({ ...input, status: 'evaluating' }).message).toBe(
      'Nominate is allowed while the campaign is commending; campaign zz is evaluating',
    );
    expect(phaseWindow.judge({ ...input, status: 'unlaunched' }).message).toBe(
      'campaign zz has not been launched',
    );
  });
  it('launches a campaign once', () => {
    expect(notLaunched.judge({ campaignId: 'zz', status: 'unlaunched' }).holds).toBe(true);
    expect(notLaunched.judge({ campaignId: 'zz', status: 'committing' }).message).toBe(
      'campaign zz was already launched (it is committing)',
    );
  });
  it('advances to the next phase only', () => {
    expect(advancesToNext.judge({ status: 'mobilizing', to: 'committing' }).holds).toBe(true);
    expect(advancesToNext.judge({ status: 'commending', to: 'concluded' }).holds).toBe(true);
    expect(advancesToNext.judge({ status: 'mobilizing', to: 'evaluating' }).message).toBe(
      'the campaign is mobilizing; it can only advance to committing, not evaluating',
    );
  });
  it('concludes from commending, or from any phase once the end has come', () => {
    const endsAt = '2012-12-31T23:59:59+08:00';
    expect(
      concludeWindow.judge({ status: 'commending', at: '2011-01-01T00:00:00+08:00', endsAt }).holds,
    ).toBe(true);
    expect(concludeWindow.judge({ status: 'evaluating', at: endsAt, endsAt }).holds).toBe(true);
    const early = concludeWindow.judge({
      status: 'evaluating',
      at: '2012-12-31T23:59:58+08:00',
      endsAt,
    });
    expect(early.holds).toBe(false);
    expect(early.message).toContain('it is evaluating at 2012-12-31T23:59:58+08:00');
  });
});

describe('campaign.concluded', () => {
  it('refuses everything once concluded', () => {
    expect(
      campaignConcluded.judge({ campaignId: 'zz', status: 'commending', concludedAt: null }).holds,
    ).toBe(true);
    expect(
      campaignConcluded.judge({
        campaignId: 'zz',
        status: 'concluded',
        concludedAt: '2013-01-02T00:00:00+08:00',
      }),
    ).toEqual({
      ruleId: 'campaign.concluded',
      holds: false,
      message: 'campaign zz was concluded at 2013-01-02T00:00:00+08:00; it takes no more commands',
    });
  });
});

describe('campaign.deadline', () => {
  const endsAt = '2012-12-31T23:59:59+08:00';
  it('holds strictly before the end, comparing instants across offsets', () => {
    expect(
      campaignDeadline.judge({ command: 'Commend', at: '2012-12-31T15:59:58Z', endsAt }).holds,
    ).toBe(true);
    expect(
      campaignDeadline.judge({ command: 'Commend', at: '2012-12-31T15:59:59Z', endsAt }).message,
    ).toBe(
      "Commend at 2012-12-31T15:59:59Z comes at or after the campaign's end (2012-12-31T23:59:59+08:00); only ConcludeCampaign is accepted then",
    );
  });
  it('needs a launch to end after it starts', () => {
    expect(endsAfterLaunch.judge({ at: '2010-05-10T09:00:00+08:00', endsAt }).holds).toBe(true);
    expect(endsAfterLaunch.judge({ at: endsAt, endsAt })).toMatchObject({
      ruleId: 'campaign.deadline',
      holds: false,
    });
  });
});

describe('clock.monotonic', () => {
  const bounds = [
    { of: 'the last campaign-level event of campaign zz', lastAt: '2010-06-01T00:00:00+08:00' },
    { of: 'the last event of organization o1', lastAt: null },
  ];
  it('accepts a time equal to the latest bound and refuses an earlier one, naming the bound', () => {
    expect(clockMonotonic.judge({ at: '2010-06-01T00:00:00+08:00', bounds }).holds).toBe(true);
    expect(clockMonotonic.judge({ at: '2010-05-31T16:00:00Z', bounds }).holds).toBe(true);
    expect(clockMonotonic.judge({ at: '2010-05-31T23:59:59+08:00', bounds }).message).toBe(
      'at 2010-05-31T23:59:59+08:00 is earlier than the last campaign-level event of campaign zz (2010-06-01T00:00:00+08:00)',
    );
  });
});

describe('subject.state', () => {
  it('holds in an allowed state and explains the others', () => {
    const base = { command: 'Commend', subject: 'organization o1', allowed: ['under-notice'] };
    expect(subjectState.judge({ ...base, state: 'under-notice' }).holds).toBe(true);
    expect(subjectState.judge({ ...base, state: 'evaluated' }).message).toBe(
      'Commend needs organization o1 to be under-notice; it is evaluated',
    );
    expect(subjectState.judge({ ...base, state: 'unenrolled' }).message).toBe(
      'organization o1 is not enrolled in the campaign',
    );
    expect(
      subjectState.judge({ ...base, allowed: ['unenrolled'], state: 'committed' }).message,
    ).toBe('organization o1 is already enrolled (it is committed)');
  });
});
