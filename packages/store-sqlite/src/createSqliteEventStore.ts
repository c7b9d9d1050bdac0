import { instrumentStore } from '@strive/eventlog/telemetry';
import type { Database } from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type {
  AppendError,
  AppendManyOptions,
  AppendRequest,
  AppendResult,
  EventStore,
  InlineProjection,
  LastEvents,
  Subscription,
} from '@strive/eventlog';
import {
  createSubscription,
  type PreparedRequest,
  prepareRequests,
  storeUnavailable,
} from '@strive/eventlog/adapter';
import { appendTransaction } from './appendTransaction.js';
import { decodeEventRow } from './decodeEventRow.js';
import { decodeHead, decodePosition } from './decodeValues.js';
import { openDatabase } from './openDatabase.js';
import { prepareStatements } from './prepareStatements.js';
import { projectionDocuments } from './projectionDocuments.js';
import { promised, StoreUnavailableError } from './promised.js';
import { readAllEvents, readStreamEvents } from './readEvents.js';
import { readLastEvents } from './readLastEvents.js';
import { retryBusy } from './retryBusy.js';
import { readSettings, type SqliteStoreSettings } from './readSettings.js';
import { snapshotStore } from './snapshotStore.js';
import { SqliteOpenError, type SqliteOpenFailure } from './SqliteOpenFailure.js';
import {
  resolveOptions,
  type ResolvedOptions,
  type SqliteStoreOptions,
} from './SqliteStoreOptions.js';
import { storeFailure } from './storeFailure.js';
import { walCheckpointer } from './walCheckpointer.js';

/**
 * The SQLite event store: the whole `EventStore` port, the last events of many streams at once
 * (`LastEvents`), and a look at its settings.
 */
export interface SqliteEventStore extends EventStore, LastEvents {
  appendMany(
    requests: readonly AppendRequest[],
    options?: AppendManyOptions,
  ): Promise<E.Either<AppendError, readonly AppendResult[]>>;
  /** Reads the pragmas in force on this connection. Does I/O. */
  settings(): SqliteStoreSettings;
}

type Outcome = E.Either<AppendError, readonly AppendResult[]>;

const build = (
  db: Database,
  o: ResolvedOptions,
  schemaVersion: number,
  afterClose: () => void,
): SqliteEventStore => {
  const st = prepareStatements(db);
  const writeAppend = appendTransaction(db, st);
  const checkpointer = walCheckpointer(o.path, o.checkpoint, (pages) => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`);
  });
  const listeners = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw new Error(`event store ${o.path} is closed; open a new one`);
  };
  const run = async <A>(work: () => A): Promise<A> => {
    assertOpen();
    const r = await retryBusy(work, o.maxRetries);
    if (E.isLeft(r)) throw new StoreUnavailableError(r.left);
    checkpointer.committed();
    return r.right;
  };
  const write = async (
    requests: readonly PreparedRequest[],
    inline: readonly InlineProjection[],
  ): Promise<Outcome> => {
    if (closed) return E.left(storeUnavailable(`event store ${o.path} is closed`));
    let outcome;
    try {
      outcome = await retryBusy(() => writeAppend(requests, inline), o.maxRetries);
    } catch (e) {
      const failure = storeFailure(e);
      if (failure === undefined) throw e;
      return E.left(failure);
    }
    if (E.isLeft(outcome)) return outcome;
    if (E.isRight(outcome.right) && outcome.right.right.some((r) => !r.duplicate)) {
      checkpointer.committed();
      for (const wake of listeners) wake();
    }
    return outcome.right;
  };

  return {
    appendMany: async (requests, options) => {
      const prepared = prepareRequests(requests, o.newId, o);
      if (E.isLeft(prepared)) return prepared;
      return write(prepared.right, options?.inline ?? []);
    },
    readStream: (streamId, options) => readStreamEvents(st, streamId, options),
    readAll: (options) => readAllEvents(st, options),
    readLastEvents: (streamIds) => promised(() => readLastEvents(st, streamIds)),
    readEvent: (eventId) =>
      promised(() => {
        const row: unknown = st.eventById.get(eventId);
        if (row === undefined) return undefined;
        const { dataJson: _d, metadataJson: _m, ...event } = decodeEventRow(row);
        return event;
      }),
    streamVersion: (streamId) =>
      promised(() => {
        const v: unknown = st.streamVersion.get(streamId);
        return v === undefined ? 0 : decodePosition(v, 'stream version');
      }),
    head: () => promised(() => decodeHead(st.head.get())),
    subscribe: (options) => {
      assertOpen();
      const sub = createSubscription({
        ...options,
        readAll: (opts) => readAllEvents(st, opts),
        onNotify: (wake) => {
          listeners.add(wake);
          return () => listeners.delete(wake);
        },
      });
      subscriptions.add(sub);
      void sub.done.then(
        () => subscriptions.delete(sub),
        () => subscriptions.delete(sub),
      );
      return sub;
    },
    ...snapshotStore(st, run),
    ...projectionDocuments(db, st, run),
    settings: () =>
      readSettings(db, o.path, schemaVersion, { mode: o.checkpoint, ...checkpointer.stats() }),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      await checkpointer.close();
      db.close();
      afterClose();
    },
  };
};

/**
 * Opens (or creates) a SQLite event store, returning why it could not as a value: a file written by
 * a newer release (`SchemaTooNew`) or one that cannot be opened (`CannotOpen`: not a database,
 * another application's tables, or, with `readOnly`, a missing file or an older schema). Does I/O; throws a
 * `TypeError` for malformed options.
 */
export const openSqliteEventStore = (
  options: SqliteStoreOptions,
): E.Either<SqliteOpenFailure, SqliteEventStore> => {
  const o = resolveOptions(options);
  const opened = openDatabase(o);
  if (E.isLeft(opened)) return opened;
  const { db, schemaVersion, afterClose } = opened.right;
  return E.right(instrumentStore(build(db, o, schemaVersion, afterClose), 'sqlite'));
};

/**
 * Opens (or creates) a SQLite event store: WAL, versioned migrations, every write in `BEGIN
 * IMMEDIATE` with busy retries, safe to share between processes. Does I/O; throws a
 * `SqliteOpenError` (with the tagged `failure`) when the file cannot be used.
 * @example
 * const store = createSqliteEventStore({ path: 'strive.db', synchronous: 'FULL' });
 * await appendToStream(store, 'campaign-1', [event], { expectedVersion: 'no-stream' });
 * for await (const e of store.readStream('campaign-1')) console.log(e.type);
 * await store.close();
 */
export const createSqliteEventStore = (options: SqliteStoreOptions): SqliteEventStore => {
  const opened = openSqliteEventStore(options);
  if (E.isLeft(opened)) throw new SqliteOpenError(opened.left);
  return opened.right;
};
