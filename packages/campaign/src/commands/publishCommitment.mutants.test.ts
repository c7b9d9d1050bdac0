import {
  given,
  invalid,
  rejected,
  type GivenEvent,
  type JsonLiteral,
} from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  campaignIn,
  command,
  ENDS_AT,
  memberEnrolled,
  memberStream,
  options,
  orgEnrolled,
  orgStream,
  pledge,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of publishCommitment.ts (issue #25): the pledge cap, the deadline, which
// actor auth.secretary judges, and commitment.first-responsible.
const at = '2010-05-20T09:00:00+08:00';
/** o1 (secretary s-o1), o2 without a secretary, member m1 of o1. */
const subjects: GivenEvent[] = [
  orgEnrolled('o1'),
  orgEnrolled('o2', null),
  memberEnrolled('m1', 'o1'),
];
const world: GivenEvent[] = [...campaignIn('mobilizing'), ...subjects];
const pledges = (n: number) => Array.from({ length: n }, (_, i) => pledge(`p${i}`));
const publish = (
  subject: { kind: string; id: string },
  actor: { id: string; role: string },
  ps: readonly JsonLiteral[] = [pledge('p')],
  when = at,
) => command('PublishCommitment', when, actor, { subject, pledges: ps });
const o1 = { kind: 'organization', id: 'o1' };
const m1 = { kind: 'member', id: 'm1' };
const secretary = { id: 's-o1', role: 'secretary' };
const published = (streamId: string, ps: readonly JsonLiteral[]) => [
  { streamId, type: 'CommitmentPublished', data: { pledges: ps, at } },
];

describe('PublishCommitment (mutation survivors)', () => {
  it('takes 100 pledges and refuses 101', async () => {
    await given(world, options)
      .when(publish(o1, secretary, pledges(100)))
      .then(published(orgStream('o1'), pledges(100)));
    await given(world, options)
      .when(publish(o1, secretary, pledges(101)))
      .then(invalid('pledges'));
  });
  it('is refused outside its phases and at the campaign’s end', async () => {
    await given([...campaignIn('evaluating'), ...subjects], options)
      .when(publish(o1, secretary, [pledge('p')], '2010-10-20T09:00:00+08:00'))
      .then(rejected('phase.window'));
    await given(world, options)
      .when(publish(o1, secretary, [pledge('p')], ENDS_AT))
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
      .then(published(memberStream('m1'), [pledge('p')]));
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
