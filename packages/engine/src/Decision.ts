import * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';
import type { RuleFailure } from './policy.js';
import type {
  AnyWorkflow,
  ContextOf,
  DomainEvent,
  StreamEvent,
  WorkflowState,
} from './Workflow.js';

/** Stream aliases of a command -> workflows. */
export type StreamWorkflows = Readonly<Record<string, AnyWorkflow>>;

/** The folded state of every stream of a command, by alias. */
export type StatesOf<S extends StreamWorkflows> = {
  readonly [K in keyof S]: WorkflowState<ContextOf<S[K]>>;
};

/** Type-only key: the aliases an `accept({...})` named, so that an alias `streams` lacks does not compile. */
declare const aliasesOf: unique symbol;

/** The events `decide` appends, per stream alias: each alias only its own workflow's events. */
export type Decided<S extends StreamWorkflows> = {
  readonly [K in keyof S]?: readonly StreamEvent<S[K]>[];
} & { readonly [aliasesOf]?: keyof S & string };

/** What a command's `decide` returns: every failing rule, or the events to append per alias. */
export type Decision<S extends StreamWorkflows> = E.Either<
  ReadonlyNonEmptyArray<RuleFailure>,
  Decided<S>
>;

/** What a single-stream command's `decide` returns: every failing rule, or the stream's events. */
export type StreamDecision<W extends AnyWorkflow> = E.Either<
  ReadonlyNonEmptyArray<RuleFailure>,
  readonly StreamEvent<W>[]
>;

const isAliasMap = (u: unknown): u is Readonly<Record<string, readonly DomainEvent[]>> =>
  typeof u === 'object' &&
  u !== null &&
  !Array.isArray(u) &&
  Object.values(u).every((v) => Array.isArray(v));

/**
 * Accepts a command: the events to append, either listed (a single-stream command) or per stream
 * alias (`{ claim: [...], member: [...] }`; an alias `streams` does not name is a compile error). Pure.
 * @example accept(claim.event('ClaimSubmitted', {}))
 * @example accept({ loan: [loans.event('LoanReturned', {})], member: [] })
 */
export function accept<const A extends Readonly<Record<string, readonly DomainEvent[]>>>(
  events: A,
): E.Either<never, A & { readonly [aliasesOf]?: keyof A & string }>;
export function accept<const A extends readonly DomainEvent[]>(...events: A): E.Either<never, A>;
export function accept(
  ...events: readonly unknown[]
): E.Either<never, Readonly<Record<string, unknown>> | readonly unknown[]> {
  const [first] = events;
  return E.right(events.length === 1 && isAliasMap(first) ? first : events);
}

/**
 * Rejects a command with every failing rule (failures, or lists of them as a rule set reports them).
 * Throws when given no failure at all: a refusal must say why. Pure.
 * @example failures.length > 0 ? reject(failures) : accept(claim.event('ClaimApproved', { approverId }))
 */
export const reject = (
  ...failures: readonly (RuleFailure | readonly RuleFailure[])[]
): E.Either<ReadonlyNonEmptyArray<RuleFailure>, never> => {
  const [first, ...rest] = failures.flat();
  if (first === undefined) throw new Error('reject: give at least one rule failure (or accept)');
  return E.left([first, ...rest]);
};
