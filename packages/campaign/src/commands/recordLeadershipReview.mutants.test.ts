import { given, rejected, type GivenEvent, type ScenarioResult } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of recordLeadershipReview.ts (issue #25): the deadline, which actor
// auth.secretary judges, and the organization subject.state names.
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at,
});
const org = (orgId: string) =>
  ev(
    `subject-zz-organization-${orgId}`,
    'OrganizationEnrolled',
    {
      campaignId: 'zz',
      orgId,
      name: orgId,
      category: 'urban',
      secretary: { id: `s-${orgId}`, name: 's' },
    },
    '2010-05-11T09:00:00+08:00',
  );
const pledge = {
  id: 'p',
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: endsAt,
};
/** A committing campaign: o1 has committed, o2 has not. */
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
  org('o1'),
  org('o2'),
  ev(
    'campaign-zz',
    'PhaseAdvanced',
    { from: 'mobilizing', to: 'committing' },
    '2010-06-01T09:00:00+08:00',
  ),
  ev(
    'subject-zz-organization-o1',
    'CommitmentPublished',
    { pledges: [pledge], at: '2010-06-02T09:00:00+08:00' },
    '2010-06-02T09:00:00+08:00',
  ),
];
const review = (
  orgId: string,
  actor: { id: string; role: string },
  at = '2010-07-01T09:00:00+08:00',
) => ({
  type: 'RecordLeadershipReview',
  id: 'x-1',
  at,
  actor,
  campaignId: 'zz',
  orgId,
  topics: ['t'],
});
const s1 = { id: 's-o1', role: 'secretary' };
const messages = ({ outcome }: ScenarioResult): string[] =>
  outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];

describe('RecordLeadershipReview (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    await given(world, options)
      .when(review('o1', s1, endsAt))
      .then(rejected('campaign.deadline'));
  });
  it('judges auth.secretary of a secretary actor only', async () => {
    await given(world, options)
      .when(review('o1', { id: 's-o2', role: 'secretary' }))
      .then(rejected('auth.secretary'));
    await given(world, options)
      .when(review('o1', { id: 'p1', role: 'public' }))
      .then(rejected('auth.role'));
  });
  it('names the organization that has not committed', async () => {
    const result = await given(world, options)
      .when(review('o2', { id: 's-o2', role: 'secretary' }))
      .then(rejected('subject.state'));
    expect(messages(result)).toEqual([
      'RecordLeadershipReview needs organization o2 to be committed or evaluated or nominated or under-notice; it is enrolled',
    ]);
  });
});
