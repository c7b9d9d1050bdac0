import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreUnavailable } from '@strive/eventlog';
import { storeUnavailable } from '@strive/eventlog/adapter';

/** Whether an error is SQLite saying another connection holds a lock (after its busy timeout). Pure. */
const isBusyError = (e: unknown): boolean =>
  e instanceof Database.SqliteError &&
  (e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED'));

/** The pause before attempt `n + 1`: exponential from 2 ms, capped at 250 ms, full jitter. Pure. */
const retryDelayMs = (attempt: number, random: number): number =>
  Math.max(1, Math.round(Math.min(250, 2 * 2 ** attempt) * random));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const gaveUp = (attempts: number, e: unknown): StoreUnavailable =>
  storeUnavailable(
    `database stayed locked by another connection after ${attempts} attempts ` +
      `(${e instanceof Error ? e.message : String(e)}); nothing was written`,
  );

/**
 * Runs a synchronous SQLite unit of work, retrying with jittered pauses while the database is busy.
 * After `maxRetries` further attempts the answer is a `StoreUnavailable` value; any other error is
 * rethrown. Does I/O (whatever `work` does) and reads `Math.random` for the jitter.
 */
export const retryBusy = async <A>(
  work: () => A,
  maxRetries: number,
): Promise<E.Either<StoreUnavailable, A>> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return E.right(work());
    } catch (e) {
      if (!isBusyError(e)) throw e;
      if (attempt >= maxRetries) return E.left(gaveUp(attempt + 1, e));
      await sleep(retryDelayMs(attempt, Math.random()));
    }
  }
};

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** `retryBusy` for code that must stay synchronous (opening the file); blocks while it pauses. */
export const retryBusySync = <A>(
  work: () => A,
  maxRetries: number,
): E.Either<StoreUnavailable, A> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return E.right(work());
    } catch (e) {
      if (!isBusyError(e)) throw e;
      if (attempt >= maxRetries) return E.left(gaveUp(attempt + 1, e));
      sleepSync(retryDelayMs(attempt, Math.random()));
    }
  }
};
