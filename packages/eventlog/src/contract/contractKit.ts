import { appendToStream } from '../appendToStream.js';
import * as E from 'fp-ts/lib/Either.js';
import type { NewEvent, StoredEvent } from '../EventEnvelope.js';
import type { EventLog, EventStore, LogHead } from '../EventStore.js';
import type { JsonValue } from '../json.js';

/** What every contract test gets: the store opened for it, and the store's configured limits. */
export interface ContractContext {
  /** The fresh log of the running test (opened before it, closed after it). */
  readonly log: () => EventLog;
  /** The same store with its snapshots and documents (only in the sections that need them). */
  readonly store: () => EventStore;
  /** The per-event size limit the factory configured (default 1 MiB). */
  readonly maxEventBytes: number;
}

/** The business time `newTestEvent` stamps by default. */
export const TEST_AT = '2025-01-01T00:00:00.000Z';

/**
 * A valid new event for tests: `type`, `data` (default `{}`) and metadata `{ at }`. Pure.
 * @example await appendToStream(store, 's-1', [newTestEvent('Opened', { n: 1 })], { expectedVersion: 'no-stream' });
 */
export const newTestEvent = (
  type: string,
  data: JsonValue = {},
  at: string = TEST_AT,
): NewEvent => ({
  type,
  data,
  metadata: { at },
});

/** A deterministic, valid lowercase UUID (v7 layout) numbered `n`, for idempotency tests. Pure. */
export const testEventId = (n: number): string =>
  `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** Reads an async iterable to the end into an array. Does I/O when the iterable does. */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

/** The right value of an Either, or a thrown error showing the left one. Pure. */
export const unwrapRight = <L, R>(e: E.Either<L, R>): R => {
  if (E.isLeft(e)) throw new Error(`expected Right, got Left ${JSON.stringify(e.left)}`);
  return e.right;
};

/** The left value of an Either, or a thrown error showing the right one. Pure. */
export const unwrapLeft = <L, R>(e: E.Either<L, R>): L => {
  if (E.isRight(e)) throw new Error(`expected Left, got Right ${JSON.stringify(e.right)}`);
  return e.left;
};

/** What a store holds, compactly: its head and every event, to show a refused write changed nothing. */
export interface StoreFingerprint {
  readonly head: LogHead;
  readonly events: readonly StoredEvent[];
}

/** Reads a store's head and whole log. Does I/O. */
export const fingerprint = async (store: EventLog): Promise<StoreFingerprint> => ({
  head: await store.head(),
  events: await collect(store.readAll()),
});

/**
 * Calls `appendToStream` the way an untyped JavaScript caller could, with arguments the types would
 * refuse (NaN, undefined, BigInt, class instances...). Does I/O.
 */
export const appendUnchecked = async (
  store: EventLog,
  streamId: unknown,
  events: unknown,
  options: unknown = { expectedVersion: 'any' },
): Promise<unknown> => {
  const result: unknown = await Reflect.apply(appendToStream, undefined, [
    store,
    streamId,
    events,
    options,
  ]);
  return result;
};

/** Calls `appendMany` with arguments the types would refuse. Does I/O. */
export const appendManyUnchecked = async (store: EventLog, requests: unknown): Promise<unknown> => {
  const result: unknown = await Reflect.apply(Reflect.get(store, 'appendMany'), store, [requests]);
  return result;
};

/** The `left` of an Either-shaped unknown value, or `undefined` when it is not a Left. Pure. */
export const leftOf = (u: unknown): unknown =>
  typeof u === 'object' && u !== null && '_tag' in u && u._tag === 'Left' && 'left' in u
    ? u.left
    : undefined;
