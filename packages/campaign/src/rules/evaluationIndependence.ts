import { rule } from '@strive/engine';

/** Someone who may not evaluate a subject, and why ("the secretary of organization org-1"). */
export interface Tie {
  readonly id: string;
  readonly relation: string;
}

/** Input of `evaluation.independence`: the evaluator and everyone tied to the subject. */
export interface IndependenceInput {
  readonly evaluatorId: string;
  readonly ties: readonly Tie[];
}

const tieOf = ({ evaluatorId, ties }: IndependenceInput): Tie | undefined =>
  ties.find((t) => t.id === evaluatorId);

/**
 * evaluation.independence: an evaluator of an organization is neither its secretary nor one of its
 * enrolled members; of a member, neither the member nor its organization's secretary. Pure.
 */
export const evaluationIndependence = rule<IndependenceInput>(
  'evaluation.independence',
  (input) => {
    const tie = tieOf(input);
    return tie === undefined
      ? `${input.evaluatorId} has no tie to the subject`
      : `${input.evaluatorId} is ${tie.relation}, so cannot judge it independently`;
  },
  (input) => tieOf(input) === undefined,
);
