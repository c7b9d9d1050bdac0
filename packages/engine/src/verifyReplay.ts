import {
  canonicalJson,
  StoredEventCodec,
  validateJson,
  JsonValueCodec,
  type JsonValue,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { foldEvents, initialState } from './foldEvents.js';
import type { Workflow, WorkflowState } from './Workflow.js';

/** io-ts codec of a recorded history (the JSON file `recordHistory` produces). */
export const RecordedHistory = t.strict({
  workflow: t.string,
  workflowVersion: t.number,
  machineHash: t.string,
  events: t.readonlyArray(StoredEventCodec),
  /** `states[i]` is the state after `events[i]`, as JSON. */
  states: t.readonlyArray(JsonValueCodec),
});

/** A stream's events and the state after each one, recorded to check later code against. */
export type RecordedHistory = t.TypeOf<typeof RecordedHistory>;

/** Replay reproduced every recorded state. */
export interface ReplayMatched {
  readonly _tag: 'ReplayMatched';
  readonly events: number;
}

/** Replay reached a different state: the first event where it happened, both states as canonical JSON. */
export interface ReplayDiverged {
  readonly _tag: 'ReplayDiverged';
  readonly index: number;
  readonly eventId: string;
  readonly streamPosition: number;
  readonly type: string;
  readonly expected: string;
  readonly actual: string;
}

/** The replayed code threw on an event (a removed type, a codec that refuses old data, ...). */
export interface ReplayFailed {
  readonly _tag: 'ReplayFailed';
  readonly index: number;
  readonly eventId: string;
  readonly error: string;
}

/** Result of `verifyReplay`. */
export type ReplayResult = ReplayMatched | ReplayDiverged | ReplayFailed;

const stateJson = (state: WorkflowState<unknown>): JsonValue => {
  const json = validateJson(state, 'state', { maxDepth: 64, maxChars: 64 * 1024 * 1024 });
  if (E.isLeft(json))
    throw new Error(`state is not JSON at ${json.left.path}: ${json.left.reason}`);
  return json.right;
};

/** Records a stream's history: its events and the state after each, as JSON. Pure. */
export const recordHistory = <C>(
  workflow: Workflow<C>,
  events: readonly StoredEvent[],
): RecordedHistory => {
  const states: JsonValue[] = [];
  let state = initialState(workflow);
  for (const e of events) {
    state = foldEvents(workflow, [e], state);
    states.push(stateJson(state));
  }
  return {
    workflow: workflow.name,
    workflowVersion: workflow.version,
    machineHash: workflow.machineHash,
    events,
    states,
  };
};

/**
 * Re-runs a recorded history through the current code (like Temporal's replayer) and reports the first
 * event whose resulting state differs from the recorded one, compared as canonical JSON. Pure.
 */
export const verifyReplay = <C>(workflow: Workflow<C>, history: RecordedHistory): ReplayResult => {
  let state = initialState(workflow);
  for (const [index, event] of history.events.entries()) {
    try {
      state = foldEvents(workflow, [event], state);
    } catch (e) {
      return {
        _tag: 'ReplayFailed',
        index,
        eventId: event.eventId,
        error: e instanceof Error ? e.message : String(e),
      };
    }
    const recorded = history.states[index];
    const expected = recorded === undefined ? '(nothing recorded)' : canonicalJson(recorded);
    const actual = canonicalJson(stateJson(state));
    if (expected !== actual)
      return {
        _tag: 'ReplayDiverged',
        index,
        eventId: event.eventId,
        streamPosition: event.streamPosition,
        type: event.type,
        expected,
        actual,
      };
  }
  return { _tag: 'ReplayMatched', events: history.events.length };
};
