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
  ORG_RATINGS,
  subjectUpTo,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of submitEvaluation.ts (issue #25): the deadline, evaluating in one's own
// name, and one evaluation per evaluator (with their messages).
/** An evaluating campaign: o1 committed, evaluated once by p0. */
const world: GivenEvent[] = [
  ...campaignIn('evaluating'),
  orgEnrolled('o1'),
  ...subjectUpTo(orgStream('o1'), 'evaluated'),
];
const evaluate = (actorId: string, evaluatorId: string, at = '2010-10-20T09:00:00+08:00') =>
  command(
    'SubmitEvaluation',
    at,
    { id: actorId, role: 'public' },
    {
      subject: { kind: 'organization', id: 'o1' },
      evaluatorId,
      ratings: ORG_RATINGS,
    },
  );

describe('SubmitEvaluation (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    await given(world, options)
      .when(evaluate('p1', 'p1', ENDS_AT))
      .then(rejected('campaign.deadline'));
  });
  it('refuses an evaluation in someone else’s name', async () => {
    const result = await given(world, options)
      .when(evaluate('p1', 'p2'))
      .then(rejected('auth.role'));
    expect(failureMessages(result)).toEqual([
      'an evaluation in the name of p2 must come from p2; the actor is p1',
    ]);
  });
  it('refuses a second evaluation by the same evaluator', async () => {
    const result = await given(world, options)
      .when(evaluate('p0', 'p0'))
      .then(rejected('evaluation.one-vote'));
    expect(failureMessages(result)).toEqual(['p0 has already evaluated organization o1']);
  });
});
