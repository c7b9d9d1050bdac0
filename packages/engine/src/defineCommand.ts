import type { Actor } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { commandCodec, type CommandOf } from './commandCodec.js';
import type { Decision, StatesOf, StreamDecision, StreamWorkflows } from './Decision.js';
import type { AnyWorkflow, ContextOf, DataCodec, WorkflowState } from './Workflow.js';

/** A stream a command reads or writes: which workflow folds it, and its id. */
export interface StreamRef<W extends AnyWorkflow> {
  readonly workflow: W;
  readonly streamId: string;
}

/** The streams of a command by alias. */
export type StreamRefs<S extends StreamWorkflows> = { readonly [K in keyof S]: StreamRef<S[K]> };

/** What the engine tells `decide` besides the command: its id, business time and actor. */
export interface CommandContext {
  readonly commandId: string;
  readonly at: string;
  readonly actor: Actor | undefined;
}

/** No streams (the default of a command's derived streams). */
export type NoStreams = Readonly<Record<never, AnyWorkflow>>;

/**
 * A command type: its codec (exact: unknown keys are Invalid), the streams it touches by alias (from
 * its fields, then optionally from their states), and a pure `decide`. Methods (not arrow
 * properties) so that any command fits `AnyCommand`.
 */
export interface CommandDefinition<
  Cmd,
  S extends StreamWorkflows,
  D extends StreamWorkflows = NoStreams,
> {
  readonly _tag: 'Command';
  readonly type: string;
  readonly codec: DataCodec<Cmd>;
  streams(cmd: Cmd): StreamRefs<S>;
  /**
   * Streams named by the states of `streams` (a loan names its member); loaded after them. Called
   * again until it names no new stream, `states` then also holding the derived states loaded so far
   * under their aliases (type them `StatesOf<S> & Partial<StatesOf<D>>` to follow a second level).
   */
  derivedStreams?(cmd: Cmd, states: StatesOf<S>): StreamRefs<D>;
  decide(cmd: Cmd, states: StatesOf<S & D>, ctx: CommandContext): Decision<S & D>;
}

/** Any command definition (used as a constraint). */
export type AnyCommand = CommandDefinition<unknown, StreamWorkflows, StreamWorkflows>;

/** How a command is decoded: an io-ts `codec` of the whole command, or its `fields` (see `commandCodec`). */
type Source<Cmd> = { readonly codec: DataCodec<Cmd> };
type Fields<P extends t.Props, O extends t.Props = Record<never, t.Mixed>> = {
  readonly fields: P;
  /** Fields that may be left out. */
  readonly optional?: O;
};

/** The streams and `decide` of a command over several streams (methods: any command fits the implementation). */
export interface MultiStream<Cmd, S extends StreamWorkflows, D extends StreamWorkflows> {
  readonly type: string;
  streams(cmd: Cmd): StreamRefs<S>;
  derivedStreams?(cmd: Cmd, states: StatesOf<S>): StreamRefs<D>;
  decide(cmd: Cmd, states: StatesOf<NoInfer<S & D>>, ctx: CommandContext): Decision<NoInfer<S & D>>;
}

/** The stream and `decide` of a command over one stream (`decide` gets its state, returns its events). */
export interface SingleStream<Cmd, W extends AnyWorkflow> {
  readonly type: string;
  readonly workflow: W;
  streamId(cmd: Cmd): string;
  decide(
    cmd: Cmd,
    state: WorkflowState<ContextOf<NoInfer<W>>>,
    ctx: CommandContext,
  ): StreamDecision<NoInfer<W>>;
}

/**
 * Defines a command handled by the engine: its `type`, its `fields` and `optional` fields (io-ts
 * codecs; the engine adds `type`, `id`, `at` and `actor` and refuses unknown keys, see `commandCodec`)
 * or a whole `codec`, and either one stream
 * (`workflow` + `streamId`; `decide` gets its state and returns its events) or several by alias
 * (`streams`, optionally `derivedStreams` found in their states; `decide` gets every state and returns
 * events per alias). `decide` is pure: `accept(...)` or `reject(...)`. Throws on an empty type. Pure.
 * @example
 * const submit = defineCommand({
 *   type: 'SubmitClaim', fields: { claimId: t.string },
 *   workflow: claim, streamId: (cmd) => `claim-${cmd.claimId}`,
 *   decide: () => accept(claim.event('ClaimSubmitted', {})),
 * });
 */
export function defineCommand<
  T extends string,
  P extends t.Props,
  W extends AnyWorkflow,
  O extends t.Props = Record<never, t.Mixed>,
>(
  config: Fields<P, O> & SingleStream<CommandOf<T, P, O>, W> & { readonly type: T },
): CommandDefinition<CommandOf<T, P, O>, Readonly<Record<string, W>>>;
export function defineCommand<Cmd, W extends AnyWorkflow>(
  config: Source<Cmd> & SingleStream<Cmd, W>,
): CommandDefinition<Cmd, Readonly<Record<string, W>>>;
export function defineCommand<
  T extends string,
  P extends t.Props,
  S extends StreamWorkflows,
  D extends StreamWorkflows = NoStreams,
  O extends t.Props = Record<never, t.Mixed>,
>(
  config: Fields<P, O> & MultiStream<CommandOf<T, P, O>, S, D> & { readonly type: T },
): CommandDefinition<CommandOf<T, P, O>, S, D>;
export function defineCommand<
  Cmd,
  S extends StreamWorkflows,
  D extends StreamWorkflows = NoStreams,
>(config: Source<Cmd> & MultiStream<Cmd, S, D>): CommandDefinition<Cmd, S, D>;
export function defineCommand(
  config: (Source<unknown> | Fields<t.Props, t.Props>) &
    (MultiStream<unknown, StreamWorkflows, StreamWorkflows> | SingleStream<unknown, AnyWorkflow>),
): AnyCommand {
  const { type } = config;
  if (typeof type !== 'string' || type.length === 0)
    throw new Error('defineCommand: type must be a non-empty string');
  const codec =
    'codec' in config ? config.codec : commandCodec(type, config.fields, config.optional);
  if ('workflow' in config) {
    const single = config;
    const alias = single.workflow.name;
    return {
      _tag: 'Command',
      type,
      codec,
      streams: (cmd) => ({
        [alias]: { workflow: single.workflow, streamId: single.streamId(cmd) },
      }),
      decide: (cmd, states, ctx) => {
        const state = states[alias];
        if (state === undefined) throw new Error(`${type}: stream ${alias} was not loaded`);
        const decision = single.decide(cmd, state, ctx);
        return E.isLeft(decision) ? decision : E.right({ [alias]: decision.right });
      },
    };
  }
  const multi = config;
  return {
    _tag: 'Command',
    type,
    codec,
    streams: (cmd) => multi.streams(cmd),
    ...(multi.derivedStreams === undefined
      ? {}
      : {
          derivedStreams: (cmd: unknown, states: StatesOf<StreamWorkflows>) =>
            multi.derivedStreams?.(cmd, states) ?? {},
        }),
    decide: (cmd, states, ctx) => multi.decide(cmd, states, ctx),
  };
}
