import {
  given,
  invalid,
  rejected,
  type GivenEvent,
  type JsonLiteral,
} from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of publishCommitment.ts (issue #25): the pledge cap, the deadline, which
// actor auth.secretary judges, and commitment.first-responsible.
const options = { commands: campaignCommands };
const at = '2010-05-20T09:00:00+08:00';
const endsAt = '2012-12-31T23:59:59+08:00';
const ev = (streamId: string, type: string, data: GivenEvent['data']): GivenEvent => ({
  streamId,
  type,
  data,
  at: '2010-05-11T09:00:00+08:00',
});
const org = (orgId: string, secretary: { id: string; name: string } | null) =>
  ev(`subject-zz-organization-${orgId}`, 'OrganizationEnrolled', {
    campaignId: 'zz',
    orgId,
    name: orgId,
    category: 'urban',
    secretary,
  });
const world: GivenEvent[] = [
  ev('campaign-zz', 'CampaignLaunched', {
    campaignId: 'zz',
    title: 't',
    endsAt,
    objectives: ['o'],
    principles: ['p'],
    policy: DEFAULT_POLICY,
  }),
  org('o1', { id: 's-o1', name: 's' }),
  org('o2', null),
  ev('subject-zz-member-m1', 'MemberEnrolled', {
    campaignId: 'zz',
    memberId: 'm1',
    orgId: 'o1',
    name: 'Li',
  }),
];
const pledge = (id: string) => ({
  id,
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: endsAt,
});
const pledges = (n: number) => Array.from({ length: n }, (_, i) => pledge(`p${i}`));
const publish = (
  subject: { kind: string; id: string },
  actor: { id: string; role: string },
  ps: readonly JsonLiteral[] = [pledge('p')],
  when = at,
) => ({
  type: 'PublishCommitment',
  id: 'x-1',
  at: when,
  actor,
  campaignId: 'zz',
  subject,
  pledges: ps,
});
const o1 = { kind: 'organization', id: 'o1' };
const m1 = { kind: 'member', id: 'm1' };
const secretary = { id: 's-o1', role: 'secretary' };
const published = (streamId: string, ps: readonly JsonLiteral[], when = at) => [
  { streamId, type: 'CommitmentPublished', data: { pledges: ps, at: when } },
];

describe('PublishCommitment (mutation survivors)', () => {
  it('takes 100 pledges and refuses 101', async () => {
    await given(world, options)
      .when(publish(o1, secretary, pledges(100)))
      .then(published('subject-zz-organization-o1', pledges(100)));
    await given(world, options)
      .when(publish(o1, secretary, pledges(101)))
      .then(invalid('pledges'));
  });
  it('is refused outside its phases and at the campaign’s end', async () => {
    const committing = ev('campaign-zz', 'PhaseAdvanced', { from: 'mobilizing', to: 'committing' });
    const evaluating = ev('campaign-zz', 'PhaseAdvanced', { from: 'committing', to: 'evaluating' });
    await given([...world, committing, evaluating], options)
      .when(publish(o1, secretary))
      .then(rejected('phase.window'));
    await given(world, options)
      .when(publish(o1, secretary, [pledge('p')], endsAt))
      .then(rejected('campaign.deadline'));
  });
  it('judges auth.secretary of a secretary or member actor only', async () => {
    await given(world, options)
      .when(publish(o1, { id: 's-o2', role: 'secretary' }))
      .then(rejected('auth.secretary'));
    await given(world, options)
      .when(publish(m1, { id: 'm2', role: 'member' }))
      .then(rejected('auth.secretary'));
    await given(world, options)
      .when(publish(m1, { id: 'm1', role: 'member' }))
      .then(published('subject-zz-member-m1', [pledge('p')]));
    await given(world, options)
      .when(publish(o1, { id: 'p1', role: 'public' }))
      .then(rejected('auth.role'));
    await given(world, options)
      .when(publish(m1, { id: 's-o1', role: 'secretary' }))
      .then(rejected('auth.role'));
  });
  it('needs an organization with a secretary (commitment.first-responsible)', async () => {
    await given(world, options)
      .when(publish({ kind: 'organization', id: 'o2' }, { id: 's-o2', role: 'secretary' }))
      .then(rejected('auth.secretary', 'commitment.first-responsible'));
  });
});
