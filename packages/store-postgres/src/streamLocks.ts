import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { ReadStreamOptions, StoredEvent, StreamLocking } from '@strive/eventlog';
import { streamLockTimeout } from '@strive/eventlog/adapter';
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import type { PoolClient, QueryResult } from 'pg';
import { EVENT_ROW_TYPES } from './decodeEventRow.js';
import { errorCode } from './pgErrors.js';
import { type ReadAhead, readAheadResults, readAheadSql, takeReadAhead } from './readAhead.js';

/**
 * The advisory lock key of a stream: the first 8 bytes of SHA-256(`strive-stream:${schema}:${id}`) as
 * a signed 64-bit integer (two streams sharing a key only wait for each other, never write wrongly). Pure.
 */
export const streamLockKey = (schema: string, streamId: string): bigint =>
  createHash('sha256')
    .update(`strive-stream:${schema}:${streamId}`, 'utf8')
    .digest()
    .readBigInt64BE(0);

/** A counting semaphore: at most `n` holders at a time, the others wait in arrival order. */
const slots = (n: number): (() => Promise<() => void>) => {
  let free = n;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) free += 1;
    else next();
  };
  return () => {
    if (free > 0) {
      free -= 1;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => waiting.push(() => resolve(release)));
  };
};

/**
 * The lock a `withStreamLock` function holds, seen by the appends it makes (`appendUnderLock`): its
 * connection, in the lock's open transaction, until `ended` (an append committed or rolled it back).
 */
export interface LockSession {
  readonly client: PoolClient;
  ended: boolean;
  /** The tails read with the lock (`readAhead`), until read. */
  readonly ahead: ReadAhead;
  /** An error that broke the connection while ending the transaction (the pool then drops it). */
  broken?: unknown;
}

/** Stream locks of one store, and the lock session of the code running inside one (if any). */
export interface StreamLocks {
  readonly withStreamLock: StreamLocking['withStreamLock'];
  readonly session: () => LockSession | undefined;
  /** The events read with the lock that answer this `readStream` call inside it, if any (consumed). */
  readonly readAhead: (
    streamId: string,
    options: ReadStreamOptions | undefined,
  ) => StoredEvent[] | undefined;
}

/**
 * `withStreamLock` on PostgreSQL: a transaction on a connection of its own holds
 * `pg_advisory_xact_lock` on every stream's key (in ascending key order, so lockers cannot deadlock),
 * with `lock_timeout` as the wait limit, while `fn` does its reads through the pool; an append `fn`
 * makes goes on the lock's connection and commits with it (`appendUnderLock`: one round trip, the
 * lock released as the events commit); otherwise the transaction ends (and the locks go) when `fn`
 * settles, or when the connection drops. The tails named in `readAhead` are read in the round trip
 * that takes the lock (after it is granted, so they are current for the locked streams) and answer
 * the matching `readStream` calls `fn` makes. At most `maxHeld` connections of the pool wait for or hold
 * stream locks at once, so the lockers can never take every connection from the reads and appends
 * they wait for; with a pool of one connection (`maxHeld` 0) nothing can hold a lock and append at
 * once, so `fn` runs unlocked (expected versions still decide). Does I/O.
 */
export const createStreamLocks = (
  pool: pg.Pool,
  schema: string,
  maxHeld: number,
  validStream: (streamId: string) => boolean,
): StreamLocks => {
  const take = slots(maxHeld);
  const sessions = new AsyncLocalStorage<LockSession>();
  const withStreamLock: StreamLocking['withStreamLock'] = async (
    streamIds,
    timeoutMs,
    fn,
    tails = [],
  ) => {
    if (maxHeld < 1) return E.right(await fn());
    const keys = [...new Set(streamIds.map((id) => streamLockKey(schema, id)))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const release = await take();
    try {
      const client = await pool.connect();
      let broken: unknown;
      try {
        // One round trip: keys are integers and the timeout a number, so the text holds no input.
        const limit = Math.max(1, Math.ceil(timeoutMs));
        const locks = keys.map((k) => `SELECT pg_advisory_xact_lock(${k.toString()});`).join(' ');
        // Stream ids are quoted by the connection; positions are checked integers.
        const reads = readAheadSql(schema, tails, (s) => client.escapeLiteral(s), validStream);
        let ahead: ReadAhead;
        try {
          const res: QueryResult<unknown[]> | QueryResult<unknown[]>[] = await client.query({
            text: `BEGIN; SET LOCAL lock_timeout = ${limit}; ${locks} ${reads.sql}`,
            rowMode: 'array',
            types: EVENT_ROW_TYPES,
          });
          ahead = readAheadResults(reads.tails, Array.isArray(res) ? res : [res]);
        } catch (error) {
          await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
          if (errorCode(error) === '55P03') return E.left(streamLockTimeout(streamIds, timeoutMs));
          broken ??= error;
          throw error;
        }
        const session: LockSession = { client, ended: false, ahead };
        try {
          return E.right(await sessions.run(session, fn));
        } finally {
          broken = session.broken;
          if (!session.ended) await client.query('COMMIT').catch((e: unknown) => (broken = e));
        }
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    } finally {
      release();
    }
  };
  const session = (): LockSession | undefined => {
    const s = sessions.getStore();
    return s === undefined || s.ended ? undefined : s;
  };
  return {
    withStreamLock,
    session,
    // Only while the lock is held: after an append ended it, what was read ahead may be stale.
    readAhead: (streamId, options) => takeReadAhead(session()?.ahead, streamId, options),
  };
};
