import type { StoredEvent } from './EventEnvelope.js';

/**
 * An optional capability of an `EventLog`: the last event of many streams at once, for a caller that
 * needs only the heads of thousands of streams (the engine's `headOf` streams: a campaign-level
 * command reads every member of its campaign at its head). A store answers in a few queries what
 * `readStream(id, { direction: 'backward', batchSize: 1 })` answers one stream at a time. The SQLite
 * store has it; `canReadLastEvents` tells whether a store does, and callers fall back to
 * `readStream` otherwise.
 */
export interface LastEvents {
  /**
   * The last event of each of `streamIds` that has one, by stream id: the event a backward
   * `readStream` of that stream yields first. A stream without events is absent from the map; a
   * repeated id is answered once. Each event is as read at some moment during the call (a caller
   * that must be current checks versions, as an append's expected versions do). Does I/O.
   */
  readLastEvents(streamIds: readonly string[]): Promise<ReadonlyMap<string, StoredEvent>>;
}

/**
 * Whether a store offers `readLastEvents` (the SQLite store does; the memory and PostgreSQL stores
 * do not, and a decorator that does not forward it hides it). Pure.
 * @example const last = canReadLastEvents(store) ? await store.readLastEvents(ids) : undefined;
 */
export const canReadLastEvents = <S extends object>(store: S): store is S & LastEvents =>
  'readLastEvents' in store && typeof store.readLastEvents === 'function';
