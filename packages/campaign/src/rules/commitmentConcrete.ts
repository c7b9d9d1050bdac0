import { rule } from '@strive/engine';
import type { Pledge } from '../domain/Pledge.js';
import { isBefore } from '../domain/time.js';

/** Input of `commitment.concrete`: the pledges, when they are made, the campaign's end and the minimum. */
export interface ConcreteInput {
  readonly at: string;
  readonly endsAt: string | null;
  readonly pledges: readonly Pledge[];
  readonly minPledges: number;
}

const blank = (s: string): boolean => s.trim().length === 0;

const pledgeProblems = (p: Pledge, at: string, endsAt: string | null): string[] => [
  ...(blank(p.text) ? [`pledge ${p.id} has no text`] : []),
  ...(blank(p.centralTask) ? [`pledge ${p.id} names no central task`] : []),
  ...(blank(p.target.metric) ? [`pledge ${p.id} has a target without a metric`] : []),
  ...(p.target.value > 0
    ? []
    : [`pledge ${p.id} has a target value of ${p.target.value}, not > 0`]),
  ...(isBefore(p.due, at) ? [`pledge ${p.id} is due ${p.due}, before it is made (${at})`] : []),
  ...(endsAt !== null && isBefore(endsAt, p.due)
    ? [`pledge ${p.id} is due ${p.due}, after the campaign ends (${endsAt})`]
    : []),
];

/** Every reason a commitment is empty or vague (none when it is concrete). Pure. */
export const concreteProblems = ({ at, endsAt, pledges, minPledges }: ConcreteInput): string[] => {
  const ids = pledges.map((p) => p.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  return [
    ...(pledges.length < minPledges
      ? [`${pledges.length} pledges, at least ${minPledges} required`]
      : []),
    ...(repeated.length > 0 ? [`pledge ids repeat: ${[...new Set(repeated)].join(', ')}`] : []),
    ...pledges.flatMap((p) => pledgeProblems(p, at, endsAt)),
  ];
};

/**
 * commitment.concrete: at least `minPledges` pledges, each with non-empty text and central task, a
 * target with a metric and a value > 0, and a due date within [at, endsAt]. Pure.
 */
export const commitmentConcrete = rule<ConcreteInput>(
  'commitment.concrete',
  (input) => {
    const problems = concreteProblems(input);
    return problems.length === 0
      ? `${input.pledges.length} concrete pledges, at least ${input.minPledges} required`
      : `the commitment is not concrete: ${problems.join('; ')}`;
  },
  (input) => concreteProblems(input).length === 0,
);
