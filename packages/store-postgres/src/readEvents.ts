import * as t from 'io-ts';
import type { LogHead, ReadAllOptions, ReadStreamOptions, StoredEvent } from '@strive/eventlog';
import type { Pool } from 'pg';
import { decodeRows } from './decodeRows.js';
import type { NamedStatement } from './namedStatement.js';
import type { ReadSql } from './readSql.js';
import { PgInt } from './rowCodecs.js';
import { decodeEventRow, EVENT_ROW_TYPES } from './decodeEventRow.js';
import { prefetched } from './prefetched.js';

/** Rows fetched per query when the caller does not say. */
const DEFAULT_READ_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 100_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const intOption = (name: string, u: unknown, fallback: number, min: number): number => {
  if (u === undefined) return fallback;
  if (typeof u !== 'number' || !Number.isSafeInteger(u) || u < min)
    throw new RangeError(
      `${name} must be an integer >= ${min} (got ${typeof u === 'number' ? u : typeof u})`,
    );
  return u;
};

const batchSizeOf = (u: unknown): number => {
  const n = intOption('batchSize', u, DEFAULT_READ_BATCH_SIZE, 1);
  if (n > MAX_BATCH_SIZE) throw new RangeError(`batchSize must be at most ${MAX_BATCH_SIZE}`);
  return n;
};

const query = async (
  pool: Pool,
  statement: NamedStatement,
  values: unknown[],
): Promise<StoredEvent[]> => {
  const res = await pool.query<unknown[]>({
    ...statement,
    values,
    rowMode: 'array',
    types: EVENT_ROW_TYPES,
  });
  return res.rows.map((row) => decodeEventRow(row, false));
};

/**
 * The whole log in global order, in keyset-paginated batches, each its own statement: because
 * positions are allocated under the log-head lock and committed in order, every statement sees a
 * gap-free prefix, so `global_position > checkpoint` never skips a late commit (the next page is
 * fetched while the caller folds the current one). `ready` (the store's migrations) is awaited at
 * the first `next()`, before the options are checked. Does I/O; throws `RangeError` on a malformed
 * option.
 */
export const readAllEvents = (
  pool: Pool,
  sql: ReadSql,
  options: ReadAllOptions = {},
  ready: () => Promise<void> = () => Promise.resolve(),
): AsyncGenerator<StoredEvent> =>
  prefetched(async () => {
    await ready();
    const after = intOption('after', options.after, 0, 0);
    const to = intOption('to', options.to, Number.MAX_SAFE_INTEGER, 0);
    const batchSize = batchSizeOf(options.batchSize);
    return {
      first: after,
      fetch: (cursor: number) => query(pool, sql.all, [cursor, to, batchSize]),
      next: (events: readonly StoredEvent[]) => {
        const last = events[events.length - 1];
        return events.length < batchSize || last === undefined ? undefined : last.globalPosition;
      },
    };
  });

/**
 * One stream's events between `from` and `to` (inclusive; `from` is always the lower bound), forward
 * or backward, in keyset-paginated batches; `ready` is awaited first, as in `readAllEvents`; `seen`
 * gets every batch as fetched (the store learns a newer log head from it). Does I/O; throws
 * `RangeError` on a malformed option.
 */
export const readStreamEvents = (
  pool: Pool,
  sql: ReadSql,
  streamId: string,
  options: ReadStreamOptions = {},
  ready: () => Promise<void> = () => Promise.resolve(),
  seen: (batch: readonly StoredEvent[]) => void = () => undefined,
): AsyncGenerator<StoredEvent> =>
  prefetched(async () => {
    await ready();
    const from = intOption('from', options.from, 1, 1);
    const to = intOption('to', options.to, Number.MAX_SAFE_INTEGER, 0);
    const batchSize = batchSizeOf(options.batchSize);
    const backward = options.direction === 'backward';
    if (options.direction !== undefined && options.direction !== 'forward' && !backward)
      throw new RangeError('direction must be "forward" or "backward"');
    if (typeof streamId !== 'string') throw new TypeError('streamId must be a string');
    const text = backward ? sql.streamBackward : sql.streamForward;
    if (from > to) return undefined;
    return {
      first: { from, to },
      fetch: async (r: { from: number; to: number }) => {
        const events = await query(pool, text, [streamId, r.from, r.to, batchSize]);
        seen(events);
        return events;
      },
      next: (events: readonly StoredEvent[]) => {
        const last = events[events.length - 1];
        if (events.length < batchSize || last === undefined) return undefined;
        const next = backward
          ? { from, to: last.streamPosition - 1 }
          : { from: last.streamPosition + 1, to };
        return next.from <= next.to ? next : undefined;
      },
    };
  });

/** One event by id, or `undefined` (also for a string that is not a UUID). Does I/O. */
export const readEventById = async (
  pool: Pool,
  sql: ReadSql,
  eventId: string,
): Promise<StoredEvent | undefined> => {
  if (typeof eventId !== 'string' || !UUID.test(eventId)) return undefined;
  return (await query(pool, sql.event, [eventId]))[0];
};

const VersionRow = t.strict({ version: PgInt });
const HeadRow = t.strict({ global_position: PgInt, hash: t.string });

/** A stream's version (0 when it has no events). Does I/O. */
export const readStreamVersion = async (
  pool: Pool,
  sql: ReadSql,
  streamId: string,
): Promise<number> => {
  if (typeof streamId !== 'string') throw new TypeError('streamId must be a string');
  const res = await pool.query({ ...sql.streamVersion, values: [streamId] });
  return decodeRows(VersionRow, res.rows, 'streams')[0]?.version ?? 0;
};

/** The log's head: last global position and hash. Does I/O. */
export const readHead = async (pool: Pool, sql: ReadSql): Promise<LogHead> => {
  const res = await pool.query({ ...sql.head, values: [] });
  const [head] = decodeRows(HeadRow, res.rows, 'log_head');
  if (head === undefined) throw new Error('store-postgres: the log_head row is missing');
  return { globalPosition: head.global_position, hash: head.hash };
};
