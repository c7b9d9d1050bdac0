import type { DomainEvent, RuleFailure } from '@strive/engine';
import type * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';

/** What a campaign decider returns: every failing rule, or the events to append per stream alias. */
export type CampaignDecision<A extends string> = E.Either<
  ReadonlyNonEmptyArray<RuleFailure>,
  Partial<Record<A, readonly DomainEvent[]>>
>;
