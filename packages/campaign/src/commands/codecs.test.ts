import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { given, invalid } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { CampaignPolicyOverrideCodec } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';
import { EnrollOrganizationCommand } from './enrollOrganization.js';
import { LaunchCampaignCommand } from './launchCampaign.js';
import { PublishCommitmentCommand } from './publishCommitment.js';
import { PublishImplementationOpinionsCommand } from './publishImplementationOpinions.js';
import { SubmitEvaluationCommand } from './submitEvaluation.js';

const base = {
  id: 'c1',
  at: '2010-06-01T09:00:00+08:00',
  actor: { id: 'p1', role: 'public' },
  campaignId: 'zz2010',
};
const orgRatings = {
  leadershipTeam: 'good',
  memberTeam: 'excellent',
  workMechanism: 'fair',
  workPerformance: 'good',
  publicFeedback: 'poor',
};
const memberRatings = {
  learning: 'good',
  dedication: 'good',
  service: 'good',
  lawAbiding: 'good',
  integrity: 'good',
};
const errors = (r: t.Validation<unknown>): string[] => PathReporter.report(r);

describe('command codecs', () => {
  it('decodes an evaluation whose ratings cover the five criteria of the subject’s kind', () => {
    const org = {
      ...base,
      type: 'SubmitEvaluation',
      subject: { kind: 'organization', id: 'o1' },
      evaluatorId: 'p1',
      ratings: orgRatings,
    };
    const member = { ...org, subject: { kind: 'member', id: 'm1' }, ratings: memberRatings };
    expect(E.isRight(SubmitEvaluationCommand.decode(org))).toBe(true);
    expect(E.isRight(SubmitEvaluationCommand.decode(member))).toBe(true);
  });
  it('refuses unknown keys through the engine, at the top level, in the actor and in ratings', async () => {
    const cmd = {
      ...base,
      type: 'EnrollOrganization',
      orgId: 'o1',
      name: 'Org',
      category: 'urban',
    };
    expect(E.isRight(EnrollOrganizationCommand.decode(cmd))).toBe(true);
    await given([], { commands: campaignCommands })
      .when({ ...cmd, extra: 1, actor: { ...base.actor, badge: 7 } })
      .then(invalid('extra', 'actor.badge'));
    const evaluation = {
      ...base,
      type: 'SubmitEvaluation',
      subject: { kind: 'organization', id: 'o1' },
      evaluatorId: 'p1',
    };
    await given([], { commands: campaignCommands })
      .when({ ...evaluation, ratings: { ...orgRatings, mood: 'good' }, note: 'x' })
      .then(invalid('note', 'ratings.mood'));
  });
  it('refuses ratings of the other kind, a missing criterion, an unknown grade and an unknown kind', () => {
    const org = {
      ...base,
      type: 'SubmitEvaluation',
      subject: { kind: 'organization', id: 'o1' },
      evaluatorId: 'p1',
    };
    expect(E.isLeft(SubmitEvaluationCommand.decode({ ...org, ratings: memberRatings }))).toBe(true);
    const { publicFeedback: _dropped, ...four } = orgRatings;
    expect(E.isLeft(SubmitEvaluationCommand.decode({ ...org, ratings: four }))).toBe(true);
    expect(
      E.isLeft(
        SubmitEvaluationCommand.decode({
          ...org,
          ratings: { ...orgRatings, memberTeam: 'superb' },
        }),
      ),
    ).toBe(true);
    expect(
      E.isLeft(
        SubmitEvaluationCommand.decode({
          ...org,
          subject: { kind: 'team', id: 'o1' },
          ratings: orgRatings,
        }),
      ),
    ).toBe(true);
  });
  it('refuses NaN, Infinity and times without an offset', () => {
    const pledge = {
      id: 'p1',
      text: 't',
      centralTask: 'c',
      target: { metric: 'm', value: 1 },
      due: '2011-01-01T00:00:00+08:00',
    };
    const cmd = {
      ...base,
      type: 'PublishCommitment',
      subject: { kind: 'organization', id: 'o1' },
      pledges: [pledge],
    };
    expect(E.isRight(PublishCommitmentCommand.decode(cmd))).toBe(true);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(
        E.isLeft(
          PublishCommitmentCommand.decode({
            ...cmd,
            pledges: [{ ...pledge, target: { metric: 'm', value } }],
          }),
        ),
      ).toBe(true);
    expect(
      E.isLeft(
        PublishCommitmentCommand.decode({
          ...cmd,
          pledges: [{ ...pledge, due: '2011-01-01T00:00:00' }],
        }),
      ),
    ).toBe(true);
    expect(E.isLeft(PublishCommitmentCommand.decode({ ...cmd, at: '2010-06-01' }))).toBe(true);
  });
  it('checks enums and refuses campaign ids that could collide in stream ids', () => {
    const enroll = {
      ...base,
      type: 'EnrollOrganization',
      orgId: 'o1',
      name: 'Village',
      category: 'rural',
    };
    expect(E.isRight(EnrollOrganizationCommand.decode(enroll))).toBe(true);
    expect(
      errors(EnrollOrganizationCommand.decode({ ...enroll, category: 'farm' })).join(),
    ).toContain('must be one of urban, rural');
    expect(
      E.isLeft(EnrollOrganizationCommand.decode({ ...enroll, actor: { id: 'p1', role: 'mayor' } })),
    ).toBe(true);
    expect(
      E.isLeft(EnrollOrganizationCommand.decode({ ...enroll, campaignId: 'a-member-b' })),
    ).toBe(true);
    const launch = {
      ...base,
      type: 'LaunchCampaign',
      title: 'T',
      endsAt: '2012-12-31T23:59:59+08:00',
      objectives: ['o'],
      principles: [],
    };
    expect(E.isLeft(LaunchCampaignCommand.decode(launch))).toBe(true);
  });
});

describe('policy override', () => {
  it('accepts any subset of the numbers and null as "no quota"', () => {
    expect(CampaignPolicyOverrideCodec.decode({})).toEqual(E.right({}));
    expect(
      E.isRight(CampaignPolicyOverrideCodec.decode({ minEvaluators: 3, commendationQuota: 0.25 })),
    ).toBe(true);
    expect(E.isRight(CampaignPolicyOverrideCodec.decode({ commendationQuota: null }))).toBe(true);
  });
  it('refuses shares outside 0..1, fractional counts, NaN and unknown keys', () => {
    for (const policy of [
      { overallSatisfaction: 1.2 },
      { criterionSatisfaction: -0.1 },
      { commendationQuota: 2 },
      { minEvaluators: 2.5 },
      { minPledges: 0 },
      { recommendationShare: Number.NaN },
      { quorum: 3 },
    ])
      expect(E.isLeft(CampaignPolicyOverrideCodec.decode(policy))).toBe(true);
    const cmd = {
      ...base,
      actor: { id: 'cc', role: 'committee' },
      type: 'PublishImplementationOpinions',
      document: { title: 'T', issuedBy: 'C' },
    };
    expect(
      errors(
        PublishImplementationOpinionsCommand.decode({
          ...cmd,
          policy: { overallSatisfaction: 1.5 },
        }),
      ).join(),
    ).toContain('must be a number from 0 to 1');
  });
});
