import type { NewEvent } from '@strive/eventlog';

/** What a workload folds: an event's stream position and data (or stream id and data for the whole log). */
type StreamFold = (streamPosition: number, data: unknown) => void;
/** A fold over the whole log, per stream. */
type LogFold = (streamId: string, data: unknown) => void;

/**
 * One event store under test, on a fresh database, through its public API only: appends with an
 * expected version, one stream's events and the whole log in batches of 1,000, and the load of a
 * command's stream (the store's own way of aggregating a stream). Every method does I/O.
 */
export interface BenchSubject {
  /** Appends `events` to `streamId` if it is at `expectedVersion`; resolves to the new version. */
  readonly append: (
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: number,
  ) => Promise<number>;
  /** Folds one stream, read in batches of 1,000. */
  readonly foldStream: (streamId: string, fold: StreamFold) => Promise<void>;
  /** Folds the whole log from position 0, read in batches of 1,000. */
  readonly foldAll: (fold: LogFold) => Promise<void>;
  /** Loads a command's (short) stream the store's idiomatic way and folds it. */
  readonly load: (streamId: string, fold: StreamFold) => Promise<void>;
  readonly close: () => Promise<void>;
}

/** A store under test: its name and how to open it on a fresh, empty database. */
export interface SubjectFactory {
  readonly name: string;
  readonly open: () => Promise<BenchSubject>;
}

/** The batch size of every read. */
export const READ_BATCH = 1_000;
