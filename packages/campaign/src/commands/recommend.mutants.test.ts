import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  campaignIn,
  command,
  ev,
  failureMessages,
  options,
  orgEnrolled,
  orgStream,
  subjectUpTo,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of recommend.ts (issue #25): its judgements, the deadline, and the
// one-vote message.
const O1 = orgStream('o1');
/** A commending campaign ending at `endsAt`: o1 nominated and recommended by r1. */
const world = (endsAt?: string): GivenEvent[] => [
  ...campaignIn('commending', endsAt),
  orgEnrolled('o1'),
  ...subjectUpTo(O1, 'nominated'),
  ev(O1, 'RecommendationRecorded', { voterId: 'r1' }, '2010-12-02'),
];
const at = '2010-12-05T09:00:00+08:00';
const recommendBy = (voterId: string) =>
  command(
    'Recommend',
    at,
    { id: voterId, role: 'public' },
    { subject: { kind: 'organization', id: 'o1' } },
  );

describe('Recommend (mutation survivors)', () => {
  it('refuses a second recommendation by the same person', async () => {
    const result = await given(world(), options)
      .when(recommendBy('r1'))
      .then(rejected('evaluation.one-vote'));
    expect(failureMessages(result)).toEqual(['r1 has already recommended organization o1']);
  });
  it('is refused at the campaign’s end', async () => {
    await given(world(at), options).when(recommendBy('r2')).then(rejected('campaign.deadline'));
  });
});
