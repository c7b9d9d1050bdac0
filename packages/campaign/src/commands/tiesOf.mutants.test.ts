import { given, rejected, type GivenEvent, type ScenarioResult } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of tiesOf.ts (issue #25), through SubmitEvaluation: who is tied to an
// organization (its secretary, its members) and to a member (themself, its organization's secretary),
// with the relation the refusal names, and subjects without a secretary or a registered organization.
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';
const org = (id: string) => `subject-zz-organization-${id}`;
const member = (id: string) => `subject-zz-member-${id}`;
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at: `${at}T09:00:00+08:00`,
});
const person = (id: string) => ({ id, name: id });
const registered = (orgId: string, secretary: string | null) =>
  ev(
    'campaign-zz',
    'OrganizationRegistered',
    {
      orgId,
      name: orgId,
      category: 'urban',
      secretary: secretary === null ? null : person(secretary),
    },
    '2010-05-11',
  );
const committed = (streamId: string) =>
  ev(
    streamId,
    'CommitmentPublished',
    {
      pledges: [
        { id: 'p', text: 't', centralTask: 'c', target: { metric: 'm', value: 1 }, due: endsAt },
      ],
      at: '2010-06-02T09:00:00+08:00',
    },
    '2010-06-02',
  );
const enrolledOrg = (orgId: string, secretary: string | null): GivenEvent[] => [
  registered(orgId, secretary),
  ev(
    org(orgId),
    'OrganizationEnrolled',
    {
      campaignId: 'zz',
      orgId,
      name: orgId,
      category: 'urban',
      secretary: secretary === null ? null : person(secretary),
    },
    '2010-05-11',
  ),
  committed(org(orgId)),
];
const enrolledMember = (memberId: string, orgId: string): GivenEvent[] => [
  ev(
    member(memberId),
    'MemberEnrolled',
    { campaignId: 'zz', memberId, orgId, name: memberId },
    '2010-05-12',
  ),
  committed(member(memberId)),
];
/**
 * An evaluating campaign: o1 (secretary s-o1, member m1), o2 without a secretary (member m2), member
 * m9 of an organization the campaign does not list, and o4 registered twice (secretary s-a, then s-b).
 */
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
    '2010-05-10',
  ),
  ...enrolledOrg('o1', 's-o1'),
  ev(org('o1'), 'MemberJoined', { member: { id: 'm1', name: 'm1' } }, '2010-05-12'),
  ...enrolledOrg('o2', null),
  registered('o4', 's-a'),
  registered('o4', 's-b'),
  ...enrolledMember('m1', 'o1'),
  ...enrolledMember('m2', 'o2'),
  ...enrolledMember('m4', 'o4'),
  ...enrolledMember('m9', 'o9'),
  ev('campaign-zz', 'PhaseAdvanced', { from: 'mobilizing', to: 'committing' }, '2010-06-01'),
  ev('campaign-zz', 'PhaseAdvanced', { from: 'committing', to: 'evaluating' }, '2010-10-01'),
];
const orgRatings = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};
const memberRatings = {
  learning: 'good',
  dedication: 'good',
  service: 'good',
  lawAbiding: 'good',
  integrity: 'good',
};
const evaluate = (kind: 'organization' | 'member', id: string, evaluatorId: string) => ({
  type: 'SubmitEvaluation',
  id: 'x-1',
  at: '2010-10-10T09:00:00+08:00',
  actor: { id: evaluatorId, role: 'public' },
  campaignId: 'zz',
  subject: { kind, id },
  evaluatorId,
  ratings: kind === 'organization' ? orgRatings : memberRatings,
});
const submitted = (streamId: string, evaluatorId: string, kind: 'organization' | 'member') => [
  {
    streamId,
    type: 'EvaluationSubmitted',
    data: { evaluatorId, ratings: kind === 'organization' ? orgRatings : memberRatings },
  },
];
const refusal = async (command: object): Promise<string[]> => {
  const { outcome }: ScenarioResult = await given(world, options)
    .when(command)
    .then(rejected('evaluation.independence'));
  return outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];
};

describe('who is tied to a subject (tiesOf, mutation survivors)', () => {
  it('ties an organization to its secretary and its enrolled members', async () => {
    expect(await refusal(evaluate('organization', 'o1', 's-o1'))).toEqual([
      's-o1 is the secretary of organization o1, so cannot judge it independently',
    ]);
    expect(await refusal(evaluate('organization', 'o1', 'm1'))).toEqual([
      'm1 is an enrolled member of organization o1, so cannot judge it independently',
    ]);
  });
  it('ties a member to themself and to its organization’s secretary', async () => {
    expect(await refusal(evaluate('member', 'm1', 'm1'))).toEqual([
      'm1 is member m1 themself, so cannot judge it independently',
    ]);
    expect(await refusal(evaluate('member', 'm1', 's-o1'))).toEqual([
      "s-o1 is the secretary of member m1's organization o1, so cannot judge it independently",
    ]);
  });
  it('takes evaluations of subjects without a secretary or a listed organization', async () => {
    await given(world, options)
      .when(evaluate('organization', 'o2', 'p1'))
      .then(submitted(org('o2'), 'p1', 'organization'));
    await given(world, options)
      .when(evaluate('member', 'm2', 'p1'))
      .then(submitted(member('m2'), 'p1', 'member'));
    await given(world, options)
      .when(evaluate('member', 'm9', 'p1'))
      .then(submitted(member('m9'), 'p1', 'member'));
  });
  it('reads the first registration of an organization listed twice', async () => {
    expect(await refusal(evaluate('member', 'm4', 's-a'))).toEqual([
      "s-a is the secretary of member m4's organization o4, so cannot judge it independently",
    ]);
    await given(world, options)
      .when(evaluate('member', 'm4', 's-b'))
      .then(submitted(member('m4'), 's-b', 'member'));
  });
});
