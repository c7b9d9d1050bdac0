import type { RuleFailure, StreamEvent } from '@strive/engine';
import type * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';
import type { CampaignWorkflow } from '../workflows/campaignWorkflow.js';
import type { SubjectWorkflow } from '../workflows/subjectWorkflow.js';

/** The events a stream alias may get: the campaign stream's, or a subject stream's (org, member). */
type AliasEvent<A> = StreamEvent<A extends 'campaign' ? CampaignWorkflow : SubjectWorkflow>;

/** The events of a campaign decision, per stream alias. */
type CampaignEvents<A extends string> = { readonly [K in A]?: readonly AliasEvent<K>[] };

/** What a campaign decider returns: every failing rule, or the events to append per stream alias. */
export type CampaignDecision<A extends string> = E.Either<
  ReadonlyNonEmptyArray<RuleFailure>,
  CampaignEvents<A>
>;
