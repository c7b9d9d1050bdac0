import { canonicalJson, validateJson, type StoredEvent } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { fromTransition, type EventObject } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { foldEvents, initialState } from './foldEvents.js';
import { stepTable } from './stepTable.js';
import type { DomainEvent, Workflow, WorkflowState } from './Workflow.js';

/** A machine event as the graph explores it: `{ type, ...data }`. */
export type GraphEvent = EventObject & Readonly<Record<string, unknown>>;

/** One path of the model: the state it reaches and the domain events that lead there. */
export interface EventPath<C> {
  readonly state: WorkflowState<C>;
  readonly events: readonly DomainEvent[];
}

/** Options of `eventPaths`. */
export interface EventPathsOptions<C> {
  /** The events to try in each state (`{ type, ...data }`), or a function of the state. */
  readonly events: readonly GraphEvent[] | ((state: WorkflowState<C>) => readonly GraphEvent[]);
  /** `shortest` (one path per reachable state, default) or `simple` (every path without cycles). */
  readonly strategy?: 'shortest' | 'simple';
  /** How states are told apart (default: lifecycle value and canonical context). */
  readonly serialize?: (state: WorkflowState<C>) => string;
  /** Stop exploring from a state (keeps unbounded contexts finite). */
  readonly stopWhen?: (state: WorkflowState<C>) => boolean;
  /** Largest number of states to explore (default 1000). */
  readonly limit?: number;
}

const toDomainEvent = (event: GraphEvent): DomainEvent => {
  const { type, ...rest } = event;
  const data = validateJson(rest, 'event', { maxDepth: 64, maxChars: 1_000_000 });
  if (E.isLeft(data)) throw new Error(`eventPaths: event ${type} is not JSON at ${data.left.path}`);
  return { type, data: data.right };
};

const provisional = (
  state: WorkflowState<unknown>,
  e: DomainEvent,
  schemaVersion: number,
): StoredEvent => ({
  eventId: `graph-${state.version + 1}`,
  streamId: 'graph',
  streamPosition: state.version + 1,
  globalPosition: state.version + 1,
  type: e.type,
  schemaVersion,
  data: e.data,
  metadata: { at: '2000-01-01T00:00:00Z' },
  prevHash: '',
  hash: '',
});

/**
 * Explores a workflow with `xstate/graph` (getShortestPaths / getSimplePaths) over the engine's own
 * semantics (transition table + evolve, so context-dependent guards are honoured; illegal events are
 * not edges) and returns each path as domain events, ready to turn into commands for model-based tests. Pure.
 */
export const eventPaths = <C>(
  workflow: Workflow<C>,
  options: EventPathsOptions<C>,
): EventPath<C>[] => {
  const logic = fromTransition((state: WorkflowState<C>, event: GraphEvent): WorkflowState<C> => {
    if (event.type.startsWith('xstate.')) return state;
    const e = toDomainEvent(event);
    const spec = workflow.events[e.type];
    if (spec === undefined || !spec.codec.is(e.data)) return state;
    if (stepTable(workflow.table, state.value, state.context, e.type, e.data) === undefined)
      return state;
    return foldEvents(workflow, [provisional(state, e, spec.schemaVersion)], state);
  }, initialState(workflow));
  const serialize =
    options.serialize ??
    ((s: WorkflowState<C>) => {
      const ctx = validateJson(s.context, 'context', { maxDepth: 64, maxChars: 1_000_000 });
      return `${s.value}|${E.isRight(ctx) ? canonicalJson(ctx.right) : String(s.version)}`;
    });
  const { events, stopWhen } = options;
  const traversal = {
    events:
      typeof events === 'function'
        ? (snap: { context: WorkflowState<C> }) => events(snap.context)
        : events,
    serializeState: (snap: { context: WorkflowState<C> }) => serialize(snap.context),
    limit: options.limit ?? 1000,
    ...(stopWhen === undefined
      ? {}
      : { stopWhen: (snap: { context: WorkflowState<C> }) => stopWhen(snap.context) }),
  };
  const paths =
    options.strategy === 'simple'
      ? getSimplePaths(logic, traversal)
      : getShortestPaths(logic, traversal);
  return paths.map((p) => ({
    state: p.state.context,
    events: p.steps
      .filter((s) => !s.event.type.startsWith('xstate.'))
      .map((s) => toDomainEvent(s.event)),
  }));
};

/** Turns event paths into command sequences with a mapping from each event to the command causing it. Pure. */
export const commandPaths = <C, Cmd>(
  paths: readonly EventPath<C>[],
  toCommand: (event: DomainEvent, step: number, path: number) => Cmd,
): Array<{ readonly state: WorkflowState<C>; readonly commands: readonly Cmd[] }> =>
  paths.map((p, pi) => ({ state: p.state, commands: p.events.map((e, i) => toCommand(e, i, pi)) }));
