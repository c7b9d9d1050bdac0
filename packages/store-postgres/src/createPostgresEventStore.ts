import { instrumentStore } from '@strive/eventlog/telemetry';
import * as E from 'fp-ts/lib/Either.js';
import {
  type EventStore,
  GENESIS_HASH,
  type ReadAllOptions,
  type StoredEvent,
  type StreamLocking,
  type Subscription,
} from '@strive/eventlog';
import {
  createSubscription,
  MAX_STREAM_ID_LENGTH,
  nameProblem,
  newEventId,
  prepareRequests,
  storeUnavailable,
} from '@strive/eventlog/adapter';
import pg from 'pg';
import { createAppendCache } from './appendCache.js';
import { createAppendListener } from './appendListener.js';
import { appendPrepared } from './appendPrepared.js';
import { createAppendQueue } from './appendQueue.js';
import { appendSql } from './appendSql.js';
import { appendUnderLock } from './appendUnderLock.js';
import { checkSchema } from './checkSchema.js';
import { connectTimeoutMs } from './connectTimeout.js';
import { migrate } from './migrate.js';
import type { PostgresStoreOptions } from './PostgresStoreOptions.js';
import { projectionDocuments } from './projectionDocuments.js';
import {
  readAllEvents,
  readEventById,
  readHead,
  readStreamEvents,
  readStreamVersion,
} from './readEvents.js';
import { readSql } from './readSql.js';
import { appendChannel, DEFAULT_SCHEMA, validateSchemaName } from './schemaName.js';
import { snapshotStore } from './snapshotStore.js';
import { lockLinger } from './lockLinger.js';
import { createStreamLocks } from './streamLocks.js';

/**
 * An `EventStore` on PostgreSQL, with the pool and schema it uses (for leases and workers), and stream
 * locks shared by every process on the database (`withStreamLock`).
 */
export interface PostgresEventStore extends EventStore, StreamLocking {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** Applies pending migrations (done on first use anyway); resolves when the schema is current. */
  readonly ready: () => Promise<void>;
}

/** An empty read. */
const nothing = async function* (): AsyncGenerator<never> {};
/** Whether `streamId` is a stream id the store can hold (an invalid one reads nothing). Pure. */
const validStream = (streamId: string): boolean =>
  nameProblem(streamId, MAX_STREAM_ID_LENGTH) === null;
// eslint-disable-next-line @typescript-eslint/require-await -- an async generator over a list
const fromList = async function* (events: readonly StoredEvent[]): AsyncGenerator<StoredEvent> {
  yield* events;
};

const poolOf = (options: PostgresStoreOptions): { pool: pg.Pool; owned: boolean } => {
  if ((options.pool === undefined) === (options.connectionString === undefined))
    throw new Error('createPostgresEventStore: give exactly one of connectionString and pool');
  if (options.pool !== undefined) return { pool: options.pool, owned: false };
  const readOnly = options.readOnly === true ? ' -c default_transaction_read_only=on' : '';
  const pool = new pg.Pool({
    ...options.poolConfig,
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: connectTimeoutMs(
      options.connectionString ?? '',
      options.poolConfig?.connectionTimeoutMillis,
    ),
    ...(readOnly === ''
      ? {}
      : { options: `${options.poolConfig?.options ?? ''}${readOnly}`.trim() }),
  });
  pool.on('error', () => undefined); // an idle client's broken connection: the pool drops it
  return { pool, owned: true };
};

/**
 * Opens an event store on PostgreSQL. Migrations run on first use (advisory-locked). Appends are one
 * transaction each, serialised on the log-head row so global positions commit in order; subscriptions
 * poll and are woken by LISTEN/NOTIFY. Does I/O (lazily: creating the store connects to nothing).
 * @example
 * const store = createPostgresEventStore({ connectionString: process.env.STRIVE_PG_URL });
 * await appendToStream(store, 'order-1', [{ type: 'Placed', data: {}, metadata: { at } }], { expectedVersion: 'no-stream' });
 * await store.close();
 */
export const createPostgresEventStore = (options: PostgresStoreOptions): PostgresEventStore => {
  const schema = validateSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const { pool, owned } = poolOf(options);
  const newId = options.newId ?? newEventId;
  const validation =
    options.maxEventBytes === undefined ? {} : { maxEventBytes: options.maxEventBytes };
  const reads = readSql(schema);
  const ctx = {
    pool,
    sql: appendSql(schema),
    channel: appendChannel(schema),
    cache: createAppendCache({ globalPosition: 0, hash: GENESIS_HASH }),
    maxRetries: options.maxRetries ?? 2,
    beforeCommit: options.beforeCommit,
  };
  const queued = createAppendQueue(ctx);
  // Half the pool at most waits for or holds stream locks: the holders' reads need the rest.
  const locks = createStreamLocks(
    pool,
    schema,
    Math.floor((pool.options.max ?? 10) / 2),
    validStream,
    lockLinger(options),
  );
  const listener = createAppendListener(pool, ctx.channel, options.listenReconnectMs);
  const subscriptions = new Set<Subscription>();
  let closed = false;
  let migrated: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (closed)
      return Promise.reject(new Error('the postgres event store is closed; open a new one'));
    migrated ??= (
      options.readOnly === true ? checkSchema(pool, schema) : migrate(pool, schema)
    ).then(
      () => undefined,
      (error: unknown) => {
        migrated = undefined;
        throw error;
      },
    );
    return migrated;
  };
  const write = async (
    prepared: ReturnType<typeof prepareRequests>,
    inline: Parameters<typeof appendPrepared>[2],
  ) => {
    if (closed) return E.left(storeUnavailable('the postgres event store is closed'));
    if (E.isLeft(prepared)) return prepared;
    try {
      await ready();
    } catch (error) {
      return E.left(storeUnavailable(error instanceof Error ? error.message : String(error)));
    }
    if (inline.length > 0 || ctx.beforeCommit !== undefined)
      return appendPrepared(ctx, prepared.right, inline);
    const session = locks.session();
    const underLock =
      session === undefined ? undefined : await appendUnderLock(ctx, session, prepared.right);
    return underLock ?? queued(prepared.right);
  };
  const readAll = (o?: ReadAllOptions) => readAllEvents(pool, reads, o, ready);
  // A stream read under its lock usually ends at the log head: the next append's guess of the head is
  // then right at once (a stale guess costs `append_events` one more round trip, never a wrong write).
  const learnHead = (batch: readonly StoredEvent[]): void => {
    const last = batch[batch.length - 1];
    if (last !== undefined)
      ctx.cache.learn({ globalPosition: last.globalPosition, hash: last.hash }, []);
  };

  const store: PostgresEventStore = {
    pool,
    schema,
    ready,
    ...snapshotStore(pool, schema, ready),
    ...projectionDocuments(pool, schema, ready),
    withStreamLock: locks.withStreamLock,
    appendMany: (requests, manyOptions) =>
      write(prepareRequests(requests, newId, validation), manyOptions?.inline ?? []),
    // One generator per read (no wrapper delegating to it): an invalid stream id reads nothing.
    readStream: (streamId, o) => {
      const ahead = locks.readAhead(streamId, o);
      if (ahead !== undefined) {
        learnHead(ahead);
        return fromList(ahead);
      }
      return validStream(streamId)
        ? readStreamEvents(pool, reads, streamId, o, ready, learnHead)
        : nothing();
    },
    readAll,
    readEvent: async (eventId) => (await ready(), readEventById(pool, reads, eventId)),
    streamVersion: async (streamId) =>
      validStream(streamId) ? (await ready(), readStreamVersion(pool, reads, streamId)) : 0,
    head: async () => (await ready(), readHead(pool, reads)),
    subscribe: (subscribeOptions) => {
      if (closed) throw new Error('the postgres event store is closed; open a new one');
      const sub = createSubscription({ readAll, ...subscribeOptions, onNotify: listener.onNotify });
      subscriptions.add(sub);
      const forget = () => subscriptions.delete(sub);
      void sub.done.then(forget, forget);
      return sub;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      await listener.close();
      await locks.close();
      if (owned) await pool.end();
    },
  };
  return instrumentStore(store, 'postgresql');
};
