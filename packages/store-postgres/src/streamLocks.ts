import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type {
  ReadStreamOptions,
  StoredEvent,
  StreamLocking,
  StreamLockTimeout,
  StreamTail,
} from '@strive/eventlog';
import { streamLockTimeout } from '@strive/eventlog/adapter';
import * as E from 'fp-ts/lib/Either.js';
import type pg from 'pg';
import type { PoolClient, QueryResult } from 'pg';
import { EVENT_ROW_TYPES } from './decodeEventRow.js';
import { errorCode } from './pgErrors.js';
import {
  type ReadAhead,
  readableTails,
  readAheadResults,
  readAheadSql,
  takeReadAhead,
} from './readAhead.js';
import { slots } from './lockSlots.js';
import { createKeptLocks, letGo, type KeptLock } from './keptLocks.js';

/**
 * The advisory lock key of a stream: the first 8 bytes of SHA-256(`strive-stream:${schema}:${id}`) as
 * a signed 64-bit integer (two streams sharing a key only wait for each other, never write wrongly). Pure.
 */
export const streamLockKey = (schema: string, streamId: string): bigint =>
  createHash('sha256')
    .update(`strive-stream:${schema}:${streamId}`, 'utf8')
    .digest()
    .readBigInt64BE(0);

/**
 * The lock a `withStreamLock` function holds, seen by the appends it makes (`appendUnderLock`): its
 * connection, in the lock's open transaction, until `ended` (an append committed or rolled it back).
 */
export interface LockSession {
  readonly client: PoolClient;
  /** True for transaction-scoped locks (an open `BEGIN`); false for session locks (autocommit). */
  readonly inTransaction: boolean;
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
  /** Lets go of the locks kept for this process's next call (before the pool ends). */
  readonly close: () => Promise<void>;
  /** The events read with the lock that answer this `readStream` call inside it, if any (consumed). */
  readonly readAhead: (
    streamId: string,
    options: ReadStreamOptions | undefined,
  ) => StoredEvent[] | undefined;
}

/** How long a lock outlives its holder's function (`PostgresStoreOptions.lockLingerMs`, `lockMaxHoldMs`). */
export interface LockLinger {
  readonly lingerMs: number;
  readonly maxHoldMs: number;
}

/**
 * `withStreamLock` on PostgreSQL: a connection of its own holds `pg_advisory_lock` on every stream's
 * key (in ascending key order, so lockers cannot deadlock), with `lock_timeout` as the wait limit,
 * while `fn` does its reads through the pool; an append `fn` makes goes on the lock's connection and
 * commits in the same round trip (`appendUnderLock`). The tails named in `readAhead` are read in the
 * round trip that takes the lock (after it is granted, so they are current for the locked streams)
 * and answer the matching `readStream` calls `fn` makes. When `fn` has settled, the locks are kept
 * `linger.lingerMs` for this process's next call on the same streams, which then runs at once (no
 * query: its tails are assumed unchanged, see `reuse`), until `linger.maxHoldMs` after the grant;
 * then they go, and the other writers waiting in line take their turn. With `lingerMs` 0 the locks are
 * transaction-scoped and go as the append commits. At most `maxHeld` connections of the pool wait
 * for or hold stream locks at once, so the lockers can never take every connection from the reads
 * and appends they wait for; with a pool of one connection (`maxHeld` 0) nothing can hold a lock and
 * append at once, so `fn` runs unlocked (expected versions still decide). Does I/O.
 */
export const createStreamLocks = (
  pool: pg.Pool,
  schema: string,
  maxHeld: number,
  validStream: (streamId: string) => boolean,
  linger: LockLinger = { lingerMs: 0, maxHoldMs: 0 },
): StreamLocks => {
  const take = slots(maxHeld);
  const sessions = new AsyncLocalStorage<LockSession>();
  const keeping = linger.lingerMs > 0;
  const kept = createKeptLocks(linger.lingerMs, linger.maxHoldMs);
  const lockFn = keeping ? 'pg_advisory_lock' : 'pg_advisory_xact_lock';
  /** Takes the locks on a connection of their own: the lock (to keep or let go) and the tails read. */
  const acquire = async (
    streamIds: readonly string[],
    keys: readonly bigint[],
    timeoutMs: number,
    tails: readonly StreamTail[],
  ): Promise<E.Either<StreamLockTimeout, { held: KeptLock; ahead: ReadAhead }>> => {
    await kept.dropOverlapping(keys);
    const freeSlot = await take();
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      freeSlot();
      throw error;
    }
    // One round trip: keys are integers and the timeout a number, so the text holds no input.
    const limit = Math.max(1, Math.ceil(timeoutMs));
    const locks = keys.map((k) => `SELECT ${lockFn}(${k.toString()});`).join(' ');
    try {
      // Session locks (keeping) are taken in an implicit transaction that ends with the statement.
      const begin = keeping ? '' : 'BEGIN; ';
      const ahead = await readTails(
        client,
        `${begin}SET LOCAL lock_timeout = ${limit}; ${locks}`,
        tails,
      );
      const held = { key: keys.join(','), keys, client, grantedAt: performance.now(), freeSlot };
      return E.right({ held, ahead });
    } catch (error) {
      // Session locks taken before the one that timed out outlive the ROLLBACK: unlock them too.
      let broken: unknown;
      await client
        .query(keeping ? 'SELECT pg_advisory_unlock_all()' : 'ROLLBACK')
        .catch((e: unknown) => (broken = e));
      const timedOut = errorCode(error) === '55P03';
      client.release(broken === undefined && timedOut ? undefined : true);
      freeSlot();
      if (timedOut) return E.left(streamLockTimeout(streamIds, timeoutMs));
      throw error;
    }
  };
  /** Sends `head` and the tails' reads in one round trip; the tails read. */
  const readTails = async (
    client: PoolClient,
    head: string,
    tails: readonly StreamTail[],
  ): Promise<ReadAhead> => {
    // Stream ids are quoted by the connection; positions are checked integers.
    const reads = readAheadSql(schema, tails, (s) => client.escapeLiteral(s), validStream);
    const res: QueryResult<unknown[]> | QueryResult<unknown[]>[] = await client.query({
      text: `${head} ${reads.sql}`,
      rowMode: 'array',
      types: EVENT_ROW_TYPES,
    });
    return readAheadResults(reads.tails, Array.isArray(res) ? res : [res]);
  };
  /**
   * The kept lock of exactly these keys, if any, with no query: what `fn` reads of its tails is
   * answered "no event after them" (`StreamTail`: this process's last append under the lock left them
   * so). Its append's expected versions check that; a refusal must read again (the engine does), as a
   * stream the command reads unlocked, or an unlocked writer's append, may have moved them. Pure.
   */
  const reuse = (
    keys: readonly bigint[],
    tails: readonly StreamTail[],
  ): { held: KeptLock; ahead: ReadAhead } | undefined => {
    const held = kept.take(keys.join(','), performance.now());
    if (held === undefined) return undefined;
    const valid = readableTails(tails, validStream);
    return { held, ahead: new Map(valid.map((t) => [t.streamId, { from: t.from, events: [] }])) };
  };
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
    const reused = keeping ? reuse(keys, tails) : undefined;
    const got =
      reused === undefined ? await acquire(streamIds, keys, timeoutMs, tails) : E.right(reused);
    if (E.isLeft(got)) return got;
    const { held, ahead } = got.right;
    const session: LockSession = {
      client: held.client,
      inTransaction: !keeping,
      ended: false,
      ahead,
    };
    let settled = false;
    try {
      const value = await sessions.run(session, fn);
      settled = true;
      return E.right(value);
    } finally {
      let broken = session.broken;
      if (session.inTransaction && !session.ended)
        await held.client.query('COMMIT').catch((e: unknown) => (broken = e));
      if (broken !== undefined || !keeping) {
        // A broken connection is destroyed: the server drops its session and its locks.
        held.client.release(
          broken === undefined ? undefined : broken instanceof Error ? broken : true,
        );
        held.freeSlot();
      } else if (settled) kept.park(held, performance.now());
      else await letGo(held);
    }
  };
  const session = (): LockSession | undefined => {
    const s = sessions.getStore();
    return s === undefined || s.ended ? undefined : s;
  };
  return {
    withStreamLock,
    close: () => kept.close(),
    session,
    // Only while the lock is held: after an append ended it, what was read ahead may be stale.
    readAhead: (streamId, options) => takeReadAhead(session()?.ahead, streamId, options),
  };
};
