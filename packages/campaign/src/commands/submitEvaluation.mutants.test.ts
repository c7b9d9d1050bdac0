import { given, rejected, type GivenEvent, type ScenarioResult } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of submitEvaluation.ts (issue #25): the deadline, evaluating in one's own
// name, and one evaluation per evaluator (with their messages).
const options = { commands: campaignCommands };
const O1 = 'subject-zz-organization-o1';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at,
});
const ratings = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};
const endsAt = '2012-12-31T23:59:59+08:00';
const pledge = {
  id: 'p',
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: endsAt,
};
/** An evaluating campaign: o1 committed, evaluated once by p0. */
const world: GivenEvent[] = [
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
  ev(
    'campaign-zz',
    'PhaseAdvanced',
    { from: 'mobilizing', to: 'committing' },
    '2010-06-01T09:00:00+08:00',
  ),
  ev(
    O1,
    'CommitmentPublished',
    { pledges: [pledge], at: '2010-06-02T09:00:00+08:00' },
    '2010-06-02T09:00:00+08:00',
  ),
  ev(
    'campaign-zz',
    'PhaseAdvanced',
    { from: 'committing', to: 'evaluating' },
    '2010-10-01T09:00:00+08:00',
  ),
  ev(O1, 'EvaluationSubmitted', { evaluatorId: 'p0', ratings }, '2010-10-10T09:00:00+08:00'),
];
const evaluate = (actorId: string, evaluatorId: string, at = '2010-10-20T09:00:00+08:00') => ({
  type: 'SubmitEvaluation',
  id: 'x-1',
  at,
  actor: { id: actorId, role: 'public' },
  campaignId: 'zz',
  subject: { kind: 'organization', id: 'o1' },
  evaluatorId,
  ratings,
});
const messages = ({ outcome }: ScenarioResult): string[] =>
  outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];

describe('SubmitEvaluation (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    await given(world, options)
      .when(evaluate('p1', 'p1', endsAt))
      .then(rejected('campaign.deadline'));
  });
  it('refuses an evaluation in someone else’s name', async () => {
    const result = await given(world, options)
      .when(evaluate('p1', 'p2'))
      .then(rejected('auth.role'));
    expect(messages(result)).toEqual([
      'an evaluation in the name of p2 must come from p2; the actor is p1',
    ]);
  });
  it('refuses a second evaluation by the same evaluator', async () => {
    const result = await given(world, options)
      .when(evaluate('p0', 'p0'))
      .then(rejected('evaluation.one-vote'));
    expect(messages(result)).toEqual(['p0 has already evaluated organization o1']);
  });
});
