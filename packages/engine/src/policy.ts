import * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';

/** One failed rule: its stable id and a sentence a person can read (naming the numbers involved). */
export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

/** What a rule says about one input: whether it holds, and the sentence that explains why (either way). */
export interface Judgement {
  readonly ruleId: string;
  readonly holds: boolean;
  readonly message: string;
}

/** The result of checking a rule: `Right` when it holds, `Left` with every failure otherwise. */
export type RuleCheck = E.Either<ReadonlyNonEmptyArray<RuleFailure>, void>;

/**
 * A policy rule over some input: pure, with a stable id. `check` lists every failure; `judge` says
 * whether it holds and why (the reason a command went through, kept by domains as evidence).
 * Composite rules carry the id of their first part.
 */
export interface Rule<I> {
  readonly id: string;
  readonly check: (input: I) => RuleCheck;
  readonly judge: (input: I) => Judgement;
}

const pass: RuleCheck = E.right(undefined);

const nonEmpty = <A>(as: readonly A[]): ReadonlyNonEmptyArray<A> | undefined => {
  const [first, ...rest] = as;
  return first === undefined ? undefined : [first, ...rest];
};

const checkOf = (failures: readonly RuleFailure[]): RuleCheck => {
  const some = nonEmpty(failures);
  return some === undefined ? pass : E.left(some);
};

const failureOf = ({ ruleId, message }: Judgement): RuleFailure => ({ ruleId, message });

/**
 * A rule from an explanation and a predicate. `explain` names the numbers involved and reads well
 * whether the rule held or not ("12 distinct evaluators, at least 10 required"). Pure.
 * @example
 * const quorum = rule<{ n: number }>('evaluation.quorum', ({ n }) => `${n} evaluators, at least 10 required`, ({ n }) => n >= 10);
 * quorum.check({ n: 7 }); // Left([{ ruleId: 'evaluation.quorum', message: '7 evaluators, at least 10 required' }])
 * quorum.judge({ n: 12 }); // { ruleId: 'evaluation.quorum', holds: true, message: '12 evaluators, at least 10 required' }
 */
export const rule = <I>(
  id: string,
  explain: (input: I) => string,
  predicate: (input: I) => boolean,
): Rule<I> => ({
  id,
  check: (input) => (predicate(input) ? pass : E.left([{ ruleId: id, message: explain(input) }])),
  judge: (input) => ({ ruleId: id, holds: predicate(input), message: explain(input) }),
});

const failuresOfParts = <I>(rules: readonly Rule<I>[], input: I): RuleFailure[] =>
  rules.flatMap((r) => {
    const v = r.check(input);
    return E.isLeft(v) ? v.left : [];
  });

/**
 * A rule that holds when every part holds, reporting every failure of every part (validation, not
 * short-circuit); its judgement joins the parts' explanations (the failing ones when it fails). Pure.
 */
export const all = <I>(...rules: readonly Rule<I>[]): Rule<I> => {
  const id = rules[0]?.id ?? 'all';
  return {
    id,
    check: (input) => checkOf(failuresOfParts(rules, input)),
    judge: (input) => {
      const parts = rules.map((r) => r.judge(input));
      const holds = parts.every((j) => j.holds);
      const told = holds ? parts : parts.filter((j) => !j.holds);
      return { ruleId: id, holds, message: told.map((j) => j.message).join('; ') };
    },
  };
};

/**
 * A rule that holds when at least one part holds; otherwise reports the failures of all parts. Its
 * judgement explains with the first part that holds, or with every part when none does. Pure.
 */
export const any = <I>(...rules: readonly Rule<I>[]): Rule<I> => {
  const id = rules[0]?.id ?? 'any';
  return {
    id,
    check: (input) =>
      rules.some((r) => E.isRight(r.check(input))) ? pass : checkOf(failuresOfParts(rules, input)),
    judge: (input) => {
      const parts = rules.map((r) => r.judge(input));
      const held = parts.find((j) => j.holds);
      return held !== undefined
        ? { ...held, ruleId: id }
        : {
            ruleId: id,
            holds: parts.length === 0,
            message: parts.map((j) => j.message).join('; '),
          };
    },
  };
};

/** A rule that holds when `inner` fails, with its own id and explanation. Pure. */
export const not = <I>(id: string, explain: (input: I) => string, inner: Rule<I>): Rule<I> =>
  rule(id, explain, (input) => E.isLeft(inner.check(input)));

/** A rule that applies only when `condition` holds (and holds, saying it does not apply, otherwise). Pure. */
export const when = <I>(condition: (input: I) => boolean, inner: Rule<I>): Rule<I> => ({
  id: inner.id,
  check: (input) => (condition(input) ? inner.check(input) : pass),
  judge: (input) =>
    condition(input)
      ? inner.judge(input)
      : { ruleId: inner.id, holds: true, message: `${inner.id} does not apply` },
});

/** A rule over a derived input: checks and judges `inner` on `f(input)`. Pure. */
export const contramap = <I, J>(f: (input: I) => J, inner: Rule<J>): Rule<I> => ({
  id: inner.id,
  check: (input) => inner.check(f(input)),
  judge: (input) => inner.judge(f(input)),
});

/** Every failure of a set of rules (empty when all hold), in rule order. Pure. */
export const failuresOf = <I>(rules: readonly Rule<I>[], input: I): readonly RuleFailure[] =>
  failuresOfParts(rules, input);

/**
 * A decision from judgements: `Left` with every failing judgement (in order) when any fails,
 * otherwise `Right` with what `accept` builds (called only then). Pure.
 * @example
 * acceptIf([quorum.judge({ n: 12 })], () => ({ subject: [nominated] })); // Right({ subject: [nominated] })
 * acceptIf([quorum.judge({ n: 7 })], () => ({})); // Left([{ ruleId: 'evaluation.quorum', message: '7 evaluators, at least 10 required' }])
 */
export const acceptIf = <A>(
  judgements: readonly Judgement[],
  accept: () => A,
): E.Either<ReadonlyNonEmptyArray<RuleFailure>, A> => {
  const failures = nonEmpty(judgements.filter((j) => !j.holds).map(failureOf));
  return failures === undefined ? E.right(accept()) : E.left(failures);
};

/** The judgements that held, as `{ ruleId, message }` (why a command went through), in order. Pure. */
export const heldOf = (
  judgements: readonly Judgement[],
): { readonly ruleId: string; readonly message: string }[] =>
  judgements.filter((j) => j.holds).map(({ ruleId, message }) => ({ ruleId, message }));
