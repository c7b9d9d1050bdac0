import { given, invalid, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of startPublicNotice.ts and committeeSubjectJudgements.ts (issue #25):
// the cap on days, the verdicts recorded, the judgements made, and the deadline.
const options = { commands: campaignCommands };
const O1 = 'subject-zz-organization-o1';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at,
});
const phase = (from: string, to: string, at: string) =>
  ev('campaign-zz', 'PhaseAdvanced', { from, to }, `${at}T09:00:00+08:00`);
const ratings = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};
const endsAt = '2030-12-31T23:59:59+08:00';
const pledge = {
  id: 'p',
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: endsAt,
};
/** A commending campaign ending at `end`: o1 nominated, evaluated by p0 and recommended by r1. */
const world = (end = endsAt): GivenEvent[] => [
  ev(
    'campaign-zz',
    'CampaignLaunched',
    {
      campaignId: 'zz',
      title: 't',
      endsAt: end,
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    '2010-05-10T09:00:00+08:00',
  ),
  ev(
    O1,
    'OrganizationEnrolled',
    {
      campaignId: 'zz',
      orgId: 'o1',
      name: 'o1',
      category: 'urban',
      secretary: { id: 's-o1', name: 's' },
    },
    '2010-05-11T09:00:00+08:00',
  ),
  phase('mobilizing', 'committing', '2010-06-01'),
  ev(
    O1,
    'CommitmentPublished',
    { pledges: [pledge], at: '2010-06-02T09:00:00+08:00' },
    '2010-06-02T09:00:00+08:00',
  ),
  phase('committing', 'evaluating', '2010-10-01'),
  ev(O1, 'EvaluationSubmitted', { evaluatorId: 'p0', ratings }, '2010-10-10T09:00:00+08:00'),
  phase('evaluating', 'commending', '2010-12-01'),
  ev(
    O1,
    'SubjectNominated',
    { at: '2010-12-02T09:00:00+08:00', verdicts: [] },
    '2010-12-02T09:00:00+08:00',
  ),
  ev(O1, 'RecommendationRecorded', { voterId: 'r1' }, '2010-12-02T10:00:00+08:00'),
];
const at = '2010-12-03T09:00:00+08:00';
const start = (days: number, when = at) => ({
  type: 'StartPublicNotice',
  id: 'x-1',
  at: when,
  actor: { id: 'cc', role: 'committee' },
  campaignId: 'zz',
  subject: { kind: 'organization', id: 'o1' },
  days,
});

describe('StartPublicNotice (mutation survivors)', () => {
  it('takes 3660 days, recording the merit verdicts, and refuses 3661', async () => {
    await given(world(), options)
      .when(start(3660))
      .then([
        {
          streamId: O1,
          type: 'PublicNoticeStarted',
          data: {
            days: 3660,
            startsAt: at,
            endsAt: '2020-12-10T09:00:00+08:00',
            verdicts: [
              { ruleId: 'notice.period', message: 'a notice of 3660 days, at least 7 required' },
              {
                ruleId: 'nomination.recommendation',
                message: '1 distinct recommenders for 1 evaluators, at least 50% (1) required',
              },
            ],
          },
        },
      ]);
    await given(world(), options).when(start(3661)).then(invalid('days'));
  });
  it('refuses a notice shorter than the policy’s minimum', async () => {
    await given(world(), options).when(start(6)).then(rejected('notice.period'));
  });
  it('is refused at the campaign’s end', async () => {
    await given(world(at), options).when(start(7)).then(rejected('campaign.deadline'));
  });
});
