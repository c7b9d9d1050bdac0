import { rule } from '@strive/engine';

/** Input of `evaluation.one-vote`: who votes, what, on whom, and who has voted already. */
export interface OneVoteInput {
  readonly voterId: string;
  readonly what: 'evaluation' | 'recommendation';
  readonly subject: string;
  readonly voters: readonly string[];
}

/** evaluation.one-vote: one evaluation per evaluator per subject, one recommendation per voter per subject. Pure. */
export const evaluationOneVote = rule<OneVoteInput>(
  'evaluation.one-vote',
  ({ voterId, what, subject }) =>
    `${voterId} has already ${what === 'evaluation' ? 'evaluated' : 'recommended'} ${subject}`,
  ({ voterId, voters }) => !voters.includes(voterId),
);
