import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  campaignIn,
  command,
  ENDS_AT,
  failureMessages,
  options,
  orgEnrolled,
  orgStream,
  subjectUpTo,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of recordLeadershipReview.ts (issue #25): the deadline, which actor
// auth.secretary judges, and the organization subject.state names.
/** A committing campaign: o1 has committed, o2 has not. */
const world: GivenEvent[] = [
  ...campaignIn('committing'),
  orgEnrolled('o1'),
  orgEnrolled('o2'),
  ...subjectUpTo(orgStream('o1'), 'committed'),
];
const review = (
  orgId: string,
  actor: { id: string; role: string },
  at = '2010-07-01T09:00:00+08:00',
) => command('RecordLeadershipReview', at, actor, { orgId, topics: ['t'] });
const s1 = { id: 's-o1', role: 'secretary' };

describe('RecordLeadershipReview (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    await given(world, options)
      .when(review('o1', s1, ENDS_AT))
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
    expect(failureMessages(result)).toEqual([
      'RecordLeadershipReview needs organization o2 to be committed or evaluated or nominated or under-notice; it is enrolled',
    ]);
  });
});
