import { criteriaOf, isSatisfied, type Criterion, type Ratings } from './Ratings.js';
import type { SubjectKind } from './Subject.js';

/** Excellent+good ratings out of all ratings, for one criterion or overall. */
interface Count {
  readonly satisfied: number;
  readonly total: number;
}

/** The ratings of a subject summed up: per criterion and overall. */
export interface Tally {
  readonly evaluators: number;
  readonly overall: Count;
  readonly byCriterion: readonly ({ readonly criterion: Criterion } & Count)[];
}

/**
 * Counts excellent+good ratings per criterion of the subject's kind and overall. Pure.
 * @example tally('member', [{ evaluatorId: 'p1', ratings: { learning: 'good', ... } }]).overall // { satisfied: 4, total: 5 }
 */
export const tally = (
  kind: SubjectKind,
  evaluations: readonly { readonly evaluatorId: string; readonly ratings: Ratings }[],
): Tally => {
  const byCriterion = criteriaOf(kind).map((criterion) => {
    let satisfied = 0;
    let total = 0;
    for (const e of evaluations) {
      const grade = e.ratings[criterion];
      if (grade === undefined) continue;
      total += 1;
      if (isSatisfied(grade)) satisfied += 1;
    }
    return { criterion, satisfied, total };
  });
  return {
    evaluators: new Set(evaluations.map((e) => e.evaluatorId)).size,
    overall: {
      satisfied: byCriterion.reduce((n, c) => n + c.satisfied, 0),
      total: byCriterion.reduce((n, c) => n + c.total, 0),
    },
    byCriterion,
  };
};

/** The share of excellent+good ratings, or null without ratings (the report's `satisfaction`). Pure. */
export const satisfaction = (count: Count): number | null =>
  count.total === 0 ? null : count.satisfied / count.total;
