import type { DomainEvent, RuleFailure } from '@strive/engine';
import * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';
import type { Judgement } from '../rules/domainRule.js';
import type { Verdict } from '../domain/Verdict.js';

/** What a campaign decider returns: every failing rule, or the events to append per stream alias. */
export type CampaignDecision<A extends string> = E.Either<
  ReadonlyNonEmptyArray<RuleFailure>,
  Partial<Record<A, readonly DomainEvent[]>>
>;

/**
 * Turns judgements into a decision: `Left` with every failing rule (in rule order) when any fails,
 * otherwise `Right` with the events `accept` builds. Pure.
 */
export const decide = <A extends string>(
  judgements: readonly Judgement[],
  accept: () => Partial<Record<A, readonly DomainEvent[]>>,
): CampaignDecision<A> => {
  const [first, ...rest] = judgements
    .filter((j) => !j.holds)
    .map(({ ruleId, message }) => ({ ruleId, message }));
  return first === undefined ? E.right(accept()) : E.left([first, ...rest]);
};

/** The verdicts of the judgements that held (kept in nomination, notice and commendation events). Pure. */
export const verdictsOf = (judgements: readonly Judgement[]): Verdict[] =>
  judgements.filter((j) => j.holds).map(({ ruleId, message }) => ({ ruleId, message }));
