import type { ExpectedVersion } from './ExpectedVersion.js';

/**
 * The input of an append is not acceptable (bad name, not plain JSON, too large...). Nothing was written.
 * `path` locates the offending value, e.g. `events[2].data.pledges[0].text`.
 */
export interface InvalidEvent {
  readonly _tag: 'InvalidEvent';
  readonly path: string;
  readonly reason: string;
}

/** The stream was not at the expected version: another writer won. Nothing was written. */
export interface ConcurrencyConflict {
  readonly _tag: 'ConcurrencyConflict';
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly actual: number;
}

/** An event id is already stored with different content (or a batch only partly repeats). Nothing was written. */
export interface IdempotencyConflict {
  readonly _tag: 'IdempotencyConflict';
  readonly eventId: string;
  readonly streamId: string;
  readonly reason: string;
}

/** The store could not be reached or stayed busy past its retry budget. Nothing was written. */
export interface StoreUnavailable {
  readonly _tag: 'StoreUnavailable';
  readonly reason: string;
}

/** Every expected failure of `append` and `appendMany`. */
export type AppendError =
  InvalidEvent | ConcurrencyConflict | IdempotencyConflict | StoreUnavailable;

/** Builds an `InvalidEvent`. Pure. */
export const invalidEvent = (path: string, reason: string): InvalidEvent => ({
  _tag: 'InvalidEvent',
  path,
  reason,
});

/** Builds a `ConcurrencyConflict`. Pure. */
export const concurrencyConflict = (
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): ConcurrencyConflict => ({ _tag: 'ConcurrencyConflict', streamId, expected, actual });

/** Builds an `IdempotencyConflict`. Pure. */
export const idempotencyConflict = (
  eventId: string,
  streamId: string,
  reason: string,
): IdempotencyConflict => ({ _tag: 'IdempotencyConflict', eventId, streamId, reason });

/** Builds a `StoreUnavailable`. Pure. */
export const storeUnavailable = (reason: string): StoreUnavailable => ({
  _tag: 'StoreUnavailable',
  reason,
});

const hasTag = (u: unknown, tag: string): boolean =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === tag;

/** Whether a value is an `InvalidEvent`. Pure. */
export const isInvalidEvent = (u: unknown): u is InvalidEvent => hasTag(u, 'InvalidEvent');
/** Whether a value is a `ConcurrencyConflict`. Pure. */
export const isConcurrencyConflict = (u: unknown): u is ConcurrencyConflict =>
  hasTag(u, 'ConcurrencyConflict');
/** Whether a value is an `IdempotencyConflict`. Pure. */
export const isIdempotencyConflict = (u: unknown): u is IdempotencyConflict =>
  hasTag(u, 'IdempotencyConflict');
/** Whether a value is a `StoreUnavailable`. Pure. */
export const isStoreUnavailable = (u: unknown): u is StoreUnavailable =>
  hasTag(u, 'StoreUnavailable');

/** One line a person can act on, for any append error. Pure. */
export const describeAppendError = (e: AppendError): string => {
  switch (e._tag) {
    case 'InvalidEvent':
      return `invalid event at ${e.path}: ${e.reason}`;
    case 'ConcurrencyConflict':
      return `stream ${e.streamId} is at version ${e.actual}, expected ${String(e.expected)}`;
    case 'IdempotencyConflict':
      return `event ${e.eventId} in stream ${e.streamId}: ${e.reason}`;
    case 'StoreUnavailable':
      return `store unavailable: ${e.reason}`;
  }
};
