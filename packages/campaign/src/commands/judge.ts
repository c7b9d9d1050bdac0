import type { RuleFailure, StreamEvent } from '@strive/engine';
import * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';
import type { Judgement } from '../rules/domainRule.js';
import type { Verdict } from '../domain/Verdict.js';
import type { CampaignWorkflow } from '../workflows/campaignWorkflow.js';
import type { SubjectWorkflow } from '../workflows/subjectWorkflow.js';

/** The events a stream alias may get: the campaign stream's, or a subject stream's (org, member). */
type AliasEvent<A> = StreamEvent<A extends 'campaign' ? CampaignWorkflow : SubjectWorkflow>;

/** The events of a campaign decision, per stream alias. */
export type CampaignEvents<A extends string> = { readonly [K in A]?: readonly AliasEvent<K>[] };

/** What a campaign decider returns: every failing rule, or the events to append per stream alias. */
export type CampaignDecision<A extends string> = E.Either<
  ReadonlyNonEmptyArray<RuleFailure>,
  CampaignEvents<A>
>;

/**
 * Turns judgements into a decision: `Left` with every failing rule (in rule order) when any fails,
 * otherwise `Right` with the events `accept` builds. Pure.
 */
export const decide = <A extends string>(
  judgements: readonly Judgement[],
  accept: () => CampaignEvents<A>,
): CampaignDecision<A> => {
  const [first, ...rest] = judgements
    .filter((j) => !j.holds)
    .map(({ ruleId, message }) => ({ ruleId, message }));
  return first === undefined ? E.right(accept()) : E.left([first, ...rest]);
};

/** The verdicts of the judgements that held (kept in nomination, notice and commendation events). Pure. */
export const verdictsOf = (judgements: readonly Judgement[]): Verdict[] =>
  judgements.filter((j) => j.holds).map(({ ruleId, message }) => ({ ruleId, message }));
