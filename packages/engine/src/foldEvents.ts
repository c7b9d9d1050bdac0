import type { StoredEvent } from '@strive/eventlog';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { settle, machineEvent, stepTable } from './stepTable.js';
import { TIMER_EVENT_TYPES } from './timerEvents.js';
import { upcastEvent } from './upcastEvent.js';
import type { Workflow, WorkflowState } from './Workflow.js';

/** The state of a stream with no events: the machine's initial state and the initial context. Pure. */
export const initialState = <C>(workflow: Workflow<C>): WorkflowState<C> => {
  const context = workflow.initialContext;
  const value = settle(workflow.table, workflow.initialValue, context, () => ({
    type: 'xstate.init',
  }));
  return { value, context, version: 0, lastAt: null };
};

/** A working copy of a state while folding (no allocation per event). */
interface Cursor<C> {
  value: string;
  context: C;
  version: number;
  lastAt: string | null;
}

const applyTo = <C>(workflow: Workflow<C>, s: Cursor<C>, event: StoredEvent): void => {
  if (event.streamPosition !== s.version + 1)
    throw new Error(
      `${workflow.name}: event ${event.eventId} is at stream position ${event.streamPosition}, ` +
        `expected ${s.version + 1}; fold a stream's events in order from its state's version`,
    );
  const type = event.type;
  const spec = workflow.events[type];
  const evolve = workflow.evolve[type];
  if (spec === undefined) {
    if (!TIMER_EVENT_TYPES.has(type))
      throw new Error(
        `${workflow.name}: event type "${type}" (event ${event.eventId}) has no spec`,
      );
    if (evolve !== undefined) s.context = evolve(s.context, event.data, event);
  } else {
    const data = event.schemaVersion === spec.schemaVersion ? event.data : upcastEvent(spec, event);
    if (!spec.codec.is(data))
      throw new Error(
        `${workflow.name}: event ${event.eventId} (${type}) does not match its codec: ` +
          PathReporter.report(spec.codec.decode(data)).join('; '),
      );
    const next = stepTable(workflow.table, s.value, s.context, type, data);
    if (evolve !== undefined) s.context = evolve(s.context, data, event);
    if (next !== undefined) s.value = next;
    if (workflow.table.always.size > 0)
      s.value = settle(workflow.table, s.value, s.context, () => machineEvent(type, data));
  }
  s.version = event.streamPosition;
  s.lastAt = event.metadata.at;
};

/**
 * Folds a stream's events (in stream order, starting right after `from.version`) into its state: the
 * precompiled transition table moves the lifecycle, the `evolve` reducers the context; old schema
 * versions are upcast on the way. An event the machine does not accept leaves the lifecycle as it is
 * (as XState does). Throws on a gap, an unknown type or data its codec refuses. Pure.
 * @example foldEvents(order, events).value // 'shipped'
 */
export const foldEvents = <C>(
  workflow: Workflow<C>,
  events: Iterable<StoredEvent>,
  from: WorkflowState<C> = initialState(workflow),
): WorkflowState<C> => {
  const s: Cursor<C> = { ...from };
  for (const event of events) applyTo(workflow, s, event);
  return { value: s.value, context: s.context, version: s.version, lastAt: s.lastAt };
};

/** `foldEvents` over an async source (a store's `readStream`), one event at a time. Does I/O through `events`. */
export const foldEventsAsync = async <C>(
  workflow: Workflow<C>,
  events: AsyncIterable<StoredEvent>,
  from: WorkflowState<C> = initialState(workflow),
): Promise<WorkflowState<C>> => {
  const s: Cursor<C> = { ...from };
  for await (const event of events) applyTo(workflow, s, event);
  return { value: s.value, context: s.context, version: s.version, lastAt: s.lastAt };
};
