import * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';

/** One failed rule: its stable id and a sentence a person can read (naming the numbers involved). */
export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

/** A rule's verdict: `Right` when it holds, `Left` with every failure otherwise. */
export type Verdict = E.Either<ReadonlyNonEmptyArray<RuleFailure>, void>;

/** A policy rule over some input: pure, with a stable id. Composite rules carry the id of their first part. */
export interface Rule<I> {
  readonly id: string;
  readonly check: (input: I) => Verdict;
}

const pass: Verdict = E.right(undefined);

/**
 * A rule from a predicate and an explanation (used only when the predicate fails). Pure.
 * @example
 * const quorum = rule<{ n: number }>('evaluation.quorum', ({ n }) => `${n} evaluators, at least 10 required`, ({ n }) => n >= 10);
 * quorum.check({ n: 7 }); // Left([{ ruleId: 'evaluation.quorum', message: '7 evaluators, at least 10 required' }])
 */
export const rule = <I>(
  id: string,
  explain: (input: I) => string,
  predicate: (input: I) => boolean,
): Rule<I> => ({
  id,
  check: (input) => (predicate(input) ? pass : E.left([{ ruleId: id, message: explain(input) }])),
});

/** A rule that holds when every part holds, reporting every failure of every part (validation, not short-circuit). Pure. */
export const all = <I>(...rules: readonly Rule<I>[]): Rule<I> => ({
  id: rules[0]?.id ?? 'all',
  check: (input) => {
    const failures: RuleFailure[] = [];
    for (const r of rules) {
      const v = r.check(input);
      if (E.isLeft(v)) failures.push(...v.left);
    }
    const [first, ...rest] = failures;
    return first === undefined ? pass : E.left([first, ...rest]);
  },
});

/** A rule that holds when at least one part holds; otherwise reports the failures of all parts. Pure. */
export const any = <I>(...rules: readonly Rule<I>[]): Rule<I> => ({
  id: rules[0]?.id ?? 'any',
  check: (input) => {
    const failures: RuleFailure[] = [];
    for (const r of rules) {
      const v = r.check(input);
      if (E.isRight(v)) return pass;
      failures.push(...v.left);
    }
    const [first, ...rest] = failures;
    return first === undefined ? pass : E.left([first, ...rest]);
  },
});

/** A rule that holds when `inner` fails, with its own id and explanation. Pure. */
export const not = <I>(id: string, explain: (input: I) => string, inner: Rule<I>): Rule<I> =>
  rule(id, explain, (input) => E.isLeft(inner.check(input)));

/** A rule that applies only when `condition` holds (and passes otherwise). Pure. */
export const when = <I>(condition: (input: I) => boolean, inner: Rule<I>): Rule<I> => ({
  id: inner.id,
  check: (input) => (condition(input) ? inner.check(input) : pass),
});

/** A rule over a derived input: checks `inner` on `f(input)`. Pure. */
export const contramap = <I, J>(f: (input: I) => J, inner: Rule<J>): Rule<I> => ({
  id: inner.id,
  check: (input) => inner.check(f(input)),
});

/** Every failure of a set of rules (empty when all hold), in rule order. Pure. */
export const failuresOf = <I>(rules: readonly Rule<I>[], input: I): readonly RuleFailure[] => {
  const v = all(...rules).check(input);
  return E.isLeft(v) ? v.left : [];
};
