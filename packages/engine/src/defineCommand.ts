import type { Actor } from '@strive/eventlog';
import type * as E from 'fp-ts/lib/Either.js';
import type { ReadonlyNonEmptyArray } from 'fp-ts/lib/ReadonlyNonEmptyArray.js';
import type { RuleFailure } from './policy.js';
import type { AnyWorkflow, ContextOf, DataCodec, DomainEvent, WorkflowState } from './Workflow.js';

/** A stream a command reads or writes: which workflow folds it, and its id. */
export interface StreamRef<W extends AnyWorkflow> {
  readonly workflow: W;
  readonly streamId: string;
}

/** What the engine tells `decide` besides the command: its id, business time and actor. */
export interface CommandContext {
  readonly commandId: string;
  readonly at: string;
  readonly actor: Actor | undefined;
}

/** Stream aliases of a command -> workflows. */
export type StreamWorkflows = Readonly<Record<string, AnyWorkflow>>;

/** The folded state of every stream of a command, by alias. */
export type StatesOf<S extends StreamWorkflows> = {
  readonly [K in keyof S]: WorkflowState<ContextOf<S[K]>>;
};

/** What `decide` returns: every failing rule, or the events to append per alias. */
export type Decision<S extends StreamWorkflows> = E.Either<
  ReadonlyNonEmptyArray<RuleFailure>,
  Partial<Record<keyof S, readonly DomainEvent[]>>
>;

/**
 * A command type: its codec (exact: unknown keys are Invalid), the streams it touches by alias, and a
 * pure `decide`. Methods (not arrow properties) so that any command fits `AnyCommand`.
 */
export interface CommandDefinition<Cmd, S extends StreamWorkflows> {
  readonly _tag: 'Command';
  readonly type: string;
  readonly codec: DataCodec<Cmd>;
  streams(cmd: Cmd): { readonly [K in keyof S]: StreamRef<S[K]> };
  decide(cmd: Cmd, states: StatesOf<S>, ctx: CommandContext): Decision<S>;
}

/** Any command definition (used as a constraint). */
export type AnyCommand = CommandDefinition<unknown, StreamWorkflows>;

/** What `defineCommand` takes. */
export type CommandConfig<Cmd, S extends StreamWorkflows> = Omit<CommandDefinition<Cmd, S>, '_tag'>;

/**
 * Defines a command handled by the engine. Pure.
 * @example
 * const ship = defineCommand({
 *   type: 'Ship', codec: ShipCommand,
 *   streams: (cmd) => ({ order: { workflow: order, streamId: `order-${cmd.orderId}` } }),
 *   decide: (cmd, { order }) => order.value === 'paid'
 *     ? E.right({ order: [{ type: 'Shipped', data: { carrier: cmd.carrier } }] })
 *     : E.left([{ ruleId: 'order.paid', message: `order is ${order.value}, not paid` }]),
 * });
 */
export const defineCommand = <Cmd, S extends StreamWorkflows>(
  config: CommandConfig<Cmd, S>,
): CommandDefinition<Cmd, S> => {
  if (typeof config.type !== 'string' || config.type.length === 0)
    throw new Error('defineCommand: type must be a non-empty string');
  return {
    _tag: 'Command',
    type: config.type,
    codec: config.codec,
    streams: (cmd) => config.streams(cmd),
    decide: (cmd, states, ctx) => config.decide(cmd, states, ctx),
  };
};
