import type { Either } from 'fp-ts/lib/Either.js';
import type { AppendError } from './errors.js';
import type { NewEvent, StoredEvent } from './EventEnvelope.js';
import type { ExpectedVersion } from './ExpectedVersion.js';
import type { InlineProjection, ProjectionDocuments } from './ProjectionDocuments.js';
import type { SnapshotStore } from './SnapshotStore.js';

/** Options of `appendToStream`. */
export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  /** Read models updated in the same transaction as the events. */
  readonly inline?: readonly InlineProjection[];
}

/** Options of `appendMany`. */
export interface AppendManyOptions {
  /** Read models updated in the same transaction as the events. */
  readonly inline?: readonly InlineProjection[];
}

/** One stream's part of an atomic `appendMany`. */
export interface AppendRequest {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

/** What an append wrote (or, for a repeated batch, what it had written the first time). */
export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append: the position of its last event (0 for an empty stream). */
  readonly streamVersion: number;
  /** Global positions of the appended events, in order. */
  readonly globalPositions: readonly number[];
  /** The stored envelopes, hashes included. */
  readonly events: readonly StoredEvent[];
  /** True when every event id was already stored with the same content: nothing new was written. */
  readonly duplicate: boolean;
}

/**
 * Options of `readStream`. Positions are 1-based stream positions, both bounds inclusive, and `from` is
 * always the lower bound (default 1) and `to` the upper (default: the last event), whatever the direction:
 * `{ from: 2, to: 5, direction: 'backward' }` yields positions 5, 4, 3, 2.
 */
export interface ReadStreamOptions {
  readonly from?: number;
  readonly to?: number;
  readonly direction?: 'forward' | 'backward';
  readonly batchSize?: number;
}

/** Options of `readAll`: events with global position > `after` (default 0), up to `to` inclusive. */
export interface ReadAllOptions {
  readonly after?: number;
  readonly to?: number;
  readonly batchSize?: number;
}

/** The last event of the log: its global position and hash (0 and the genesis hash when empty). */
export interface LogHead {
  readonly globalPosition: number;
  readonly hash: string;
}

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /** Deliver events after this global position (a checkpoint; 0 = from the start). */
  readonly after: number;
  /** Called once per event, in global order; the next event waits for its promise. */
  readonly handler: (event: StoredEvent) => void | Promise<void>;
  readonly batchSize?: number;
  /** How often stores without push notifications look for new events (default 50 ms). */
  readonly pollIntervalMs?: number;
}

/**
 * A running subscription: catch-up, then live. Delivery is at-least-once and in order; a handler that
 * throws stops the subscription and rejects `done` with its error.
 */
export interface Subscription {
  /** The global position of the last event the handler finished. */
  readonly position: () => number;
  /** Resolves once the handler has finished every event up to `globalPosition`. */
  readonly waitFor: (globalPosition: number) => Promise<void>;
  /** Stops delivery; resolves once the handler in flight (if any) has finished. */
  readonly stop: () => Promise<void>;
  /** Settles when the subscription ends: resolves on `stop`, rejects with a handler's error. */
  readonly done: Promise<void>;
}

/**
 * The log port every event store implements (8 methods, so a decorator over it stays small). All
 * methods do I/O. Expected failures of writes are values (`Left<AppendError>`); reads throw only when
 * the store itself fails (disk, connection). Appending to one stream is `appendToStream`, sugar over
 * `appendMany`. Snapshots and projection documents are separate capabilities (`SnapshotStore`,
 * `ProjectionDocuments`; `hasSnapshots`, `hasProjectionDocuments`), as is `StreamLocking`.
 */
export interface EventLog {
  /**
   * Appends to one or more streams atomically, each checked against its expected version; all or
   * nothing. `options.inline` read models are written in the same transaction.
   */
  appendMany(
    requests: readonly AppendRequest[],
    options?: AppendManyOptions,
  ): Promise<Either<AppendError, readonly AppendResult[]>>;
  /** One stream's events in batches, forward or backward. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** The whole log in global order, in batches, from a checkpoint. */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /** One event by id, or `undefined` when no event has that id. */
  readEvent(eventId: string): Promise<StoredEvent | undefined>;
  /** A stream's version: the position of its last event, 0 when it has none. */
  streamVersion(streamId: string): Promise<number>;
  /** The log's last global position and hash. */
  head(): Promise<LogHead>;
  /** Catch-up then live delivery from a checkpoint. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Releases connections and timers; the store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * A whole store as the bundled ones are: the log plus its snapshots and projection documents, kept in
 * the same database so inline projections commit with the events.
 */
export interface EventStore extends EventLog, SnapshotStore, ProjectionDocuments {}
