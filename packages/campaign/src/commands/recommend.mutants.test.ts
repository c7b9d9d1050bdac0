import { given, rejected, type GivenEvent, type ScenarioResult } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of recommend.ts (issue #25): its judgements, the deadline, and the
// one-vote message.
const options = { commands: campaignCommands };
const O1 = 'subject-zz-organization-o1';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at: `${at}T09:00:00+08:00`,
});
const phase = (from: string, to: string, at: string) =>
  ev('campaign-zz', 'PhaseAdvanced', { from, to }, at);
const ratings = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};
/** A commending campaign ending at `endsAt`: o1 nominated and recommended by r1. */
const world = (endsAt: string): GivenEvent[] => [
  ev(
    'campaign-zz',
    'CampaignLaunched',
    {
      campaignId: 'zz',
      title: 't',
      endsAt,
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    '2010-05-10',
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
    '2010-05-11',
  ),
  phase('mobilizing', 'committing', '2010-06-01'),
  ev(
    O1,
    'CommitmentPublished',
    {
      pledges: [
        { id: 'p', text: 't', centralTask: 'c', target: { metric: 'm', value: 1 }, due: endsAt },
      ],
      at: '2010-06-02T09:00:00+08:00',
    },
    '2010-06-02',
  ),
  phase('committing', 'evaluating', '2010-10-01'),
  ev(O1, 'EvaluationSubmitted', { evaluatorId: 'p0', ratings }, '2010-10-10'),
  phase('evaluating', 'commending', '2010-12-01'),
  ev(O1, 'SubjectNominated', { at: '2010-12-02T09:00:00+08:00', verdicts: [] }, '2010-12-02'),
  ev(O1, 'RecommendationRecorded', { voterId: 'r1' }, '2010-12-02'),
];
const at = '2010-12-05T09:00:00+08:00';
const recommendBy = (voterId: string) => ({
  type: 'Recommend',
  id: 'x-1',
  at,
  actor: { id: voterId, role: 'public' },
  campaignId: 'zz',
  subject: { kind: 'organization', id: 'o1' },
});
const messages = ({ outcome }: ScenarioResult): string[] =>
  outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];

describe('Recommend (mutation survivors)', () => {
  it('refuses a second recommendation by the same person', async () => {
    const result = await given(world('2012-12-31T23:59:59+08:00'), options)
      .when(recommendBy('r1'))
      .then(rejected('evaluation.one-vote'));
    expect(messages(result)).toEqual(['r1 has already recommended organization o1']);
  });
  it('is refused at the campaign’s end', async () => {
    await given(world(at), options).when(recommendBy('r2')).then(rejected('campaign.deadline'));
  });
});
