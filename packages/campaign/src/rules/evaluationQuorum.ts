import { rule } from '@strive/engine';

/** Input of `evaluation.quorum`. */
export interface QuorumInput {
  readonly evaluators: number;
  readonly minEvaluators: number;
}

/** evaluation.quorum: at nomination, at least `minEvaluators` distinct evaluators (inclusive). Pure. */
export const evaluationQuorum = rule<QuorumInput>(
  'evaluation.quorum',
  ({ evaluators, minEvaluators }) =>
    `${evaluators} distinct evaluators, at least ${minEvaluators} required`,
  ({ evaluators, minEvaluators }) => evaluators >= minEvaluators,
);
