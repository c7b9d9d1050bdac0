import type { Either } from 'fp-ts/lib/Either.js';

/** A stream lock that was not granted within its time limit. Nothing ran under it. */
export interface StreamLockTimeout {
  readonly _tag: 'StreamLockTimeout';
  readonly streamIds: readonly string[];
  readonly timeoutMs: number;
}

/**
 * A stream's events from `from` on, which a `withStreamLock` caller expects to read under the lock: a
 * store may read them in the same round trip that takes the lock, and answer `readStream(streamId,
 * { from })` calls made inside the locked function from what it read, or (a lock it kept for this
 * process since its last append) answer "no event" without reading. So what the function read is
 * checked by the expected versions of its append; a caller that ends without appending (a refusal)
 * must read again before it trusts what it read.
 */
export interface StreamTail {
  readonly streamId: string;
  readonly from: number;
}

/**
 * An optional capability of an `EventStore` shared by several processes: run a function while holding
 * an exclusive lock on some streams, so that writers taking the same lock wait for each other instead
 * of losing version races. The lock is advisory: appends without it are still checked by expected
 * version, so it can never make a write wrong, only make a conflict less likely. The engine uses it
 * on streams that just lost a version race (`canLockStreams` tells whether a store has it).
 */
export interface StreamLocking {
  /**
   * Runs `fn` holding the locks of `streamIds` (taken in one fixed order, so two callers cannot
   * deadlock), waiting at most `timeoutMs` for them; released when `fn` settles (a store may keep
   * them a moment for this process's next call). `readAhead` names tails `fn` will read: a store may
   * fetch them with the lock, after it is granted, or assume them unchanged (see `StreamTail`); a
   * store that does neither simply ignores them. Does I/O.
   */
  withStreamLock<T>(
    streamIds: readonly string[],
    timeoutMs: number,
    fn: () => Promise<T>,
    readAhead?: readonly StreamTail[],
  ): Promise<Either<StreamLockTimeout, T>>;
}

/** Builds a `StreamLockTimeout`. Pure. */
export const streamLockTimeout = (
  streamIds: readonly string[],
  timeoutMs: number,
): StreamLockTimeout => ({ _tag: 'StreamLockTimeout', streamIds, timeoutMs });

/**
 * Whether a store offers `withStreamLock` (PostgreSQL does; SQLite and memory stores, whose writers
 * are serialised by the database file or the process, do not). Pure.
 * @example if (canLockStreams(store)) await store.withStreamLock(['order-1'], 1_000, decideAndAppend);
 */
export const canLockStreams = <S extends object>(store: S): store is S & StreamLocking =>
  'withStreamLock' in store && typeof store.withStreamLock === 'function';
