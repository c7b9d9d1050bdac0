import { canReadLastEvents, type EventLog, type StoredEvent } from '@strive/eventlog';
import { createMachine } from 'xstate';
import type { StreamRef } from './defineCommand.js';
import { defineWorkflow } from './defineWorkflow.js';
import type { AnyWorkflow, Workflow, WorkflowState } from './Workflow.js';

/**
 * The workflow of a stream read only at its head (`headOf`): no events of its own, context `null`; its
 * state says only the stream's `version` and `lastAt`.
 */
export type HeadWorkflow = Workflow<null, Readonly<Record<never, never>>>;

const heads: HeadWorkflow = defineWorkflow({
  name: 'strive.head',
  machine: createMachine({ id: 'strive.head', initial: 'head', states: { head: {} } }),
  events: {},
  initialContext: null,
});

/**
 * A stream a command needs only the head of (when it last changed, and its version), for any workflow:
 * the engine reads its last event alone instead of folding the stream, and the command's append
 * checks its version like any other stream's, so an event written meanwhile makes the command decide
 * again. `decide` gets `{ version, lastAt }` (context `null`) and may not append to it. For commands
 * that look at many streams at once, such as a deadline across every stream of a campaign. Pure.
 * @example derivedStreams: (cmd, states) => ({ [`member:${id}`]: headOf(`member-${id}`) })
 */
export const headOf = (streamId: string): StreamRef<HeadWorkflow> => ({
  workflow: heads,
  streamId,
});

/** True when a stream is loaded only at its head (see `headOf`). Pure. */
export const isHeadOnly = (workflow: AnyWorkflow): boolean => workflow === heads;

/**
 * The state of a stream named by `headOf`: its last event's position and business time, in one read;
 * value and context are the head workflow's own. Does I/O.
 */
export const readHead = async <C>(
  store: EventLog,
  workflow: Workflow<C>,
  streamId: string,
): Promise<WorkflowState<C>> => {
  for await (const e of store.readStream(streamId, { direction: 'backward', batchSize: 1 }))
    return headState(workflow, e);
  return headState(workflow, undefined);
};

/** The head state of a stream whose last event is `last` (none: an empty stream). Pure. */
const headState = <C>(workflow: Workflow<C>, last: StoredEvent | undefined): WorkflowState<C> => ({
  value: workflow.initialValue,
  context: workflow.initialContext,
  version: last === undefined ? 0 : last.streamPosition,
  lastAt: last === undefined ? null : last.metadata.at,
});

/**
 * `readHead` of many streams, in the order of `streamIds`: in one `readLastEvents` call when the
 * store has that capability (`canReadLastEvents`), else one backward read per stream, all at once.
 * Does I/O.
 */
export const readHeads = async <C>(
  store: EventLog,
  workflow: Workflow<C>,
  streamIds: readonly string[],
): Promise<WorkflowState<C>[]> => {
  if (!canReadLastEvents(store))
    return Promise.all(streamIds.map((id) => readHead(store, workflow, id)));
  const last = await store.readLastEvents(streamIds);
  return streamIds.map((id) => headState(workflow, last.get(id)));
};
