import {
  canLockStreams,
  describeAppendError,
  type StreamLockTimeout,
  type StreamTail,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandOutcome } from './CommandOutcome.js';
import { loadPhase } from './CommandProbe.js';
import {
  decideAndAppend,
  type Attempt,
  type RetryError,
  type SnapshotWrites,
} from './decideAndAppend.js';
import type { DecodedCommand } from './decodeCommand.js';
import type { HandleDeps } from './handleCommand.js';
import { loadStreams } from './loadStreams.js';
import { conflictOutcome, priorOutcome, settledWithoutLookup } from './priorOutcome.js';
import { nextDelay } from './retryDelay.js';

/**
 * The tails the first locked attempt will read: every named stream with a cached state, from the
 * event after it (the store may read them in the lock's own round trip). Pure.
 */
const cachedTails = (deps: HandleDeps, cmd: DecodedCommand): StreamTail[] =>
  Object.values(cmd.definition.streams(cmd.command)).flatMap(({ workflow, streamId }) => {
    const state = deps.cache.get(workflow, streamId);
    return state === undefined ? [] : [{ streamId, from: state.version + 1 }];
  });

/** A wait for a store lock longer than this means another process held it: the stream stays hot. */
const CONTENDED_WAIT_MS = 2;

/**
 * One attempt on read states: load, decide, append. An end that is not final by itself (a refusal, no
 * events, a stored id with other content) looks the command id up: a racing copy of the same command
 * may have stored it, which makes this one a duplicate. Does I/O.
 */
const attemptOnce = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  attempt: number,
  later: SnapshotWrites,
): Promise<Attempt> => {
  const { streams } = await loadPhase(deps.probe, () => loadStreams(deps, cmd, false));
  const tried = await decideAndAppend(deps, cmd, digest, streams, later);
  if (settledWithoutLookup(tried) !== undefined) return tried;
  if (tried._tag === 'Retry' && tried.error._tag === 'ConcurrencyConflict') return tried;
  const prior = await priorOutcome(deps, cmd, digest, attempt);
  return prior === undefined ? tried : { _tag: 'Done', outcome: prior };
};

/** `retryCommand`'s attempts; snapshot writes they make due are pushed to `later`. Does I/O. */
const retryLoop = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  startedAt: number,
  lost: RetryError | undefined,
  attempts: number,
  hotAtStart: readonly string[],
  later: SnapshotWrites,
): Promise<CommandOutcome> => {
  const { budgetMs, maxAttempts, baseDelayMs, maxDelayMs } = deps.retry;
  const deadline = startedAt + budgetMs;
  const locking = deps.retry.streamLock === 'on-conflict';
  const { store } = deps;
  const storeLocks = locking && canLockStreams(store) ? store : undefined;
  const hot = new Set(hotAtStart);
  let last: RetryError | StreamLockTimeout | undefined = lost;
  let delay = baseDelayMs;
  let confirmed = false;
  let n = attempts;
  const note = (error: RetryError): void => {
    last = error;
    if (error._tag !== 'ConcurrencyConflict') return;
    // The cached state stays: it is a state the stream had, and the next attempt reads only its tail
    // (dropping it cost a snapshot load, its binding check and the tail: four round trips, under the lock).
    if (!locking) return;
    hot.add(error.streamId);
    deps.hot.mark(error.streamId, deps.now());
  };
  const more = (): boolean => n < maxAttempts && (n === 0 || deps.now() < deadline);
  /** Pauses before the next unlocked attempt; false when the pause would end past the budget. */
  const pause = async (): Promise<boolean> => {
    delay = nextDelay(delay, baseDelayMs, maxDelayMs, deps.random());
    if (deps.now() + delay >= deadline) return false;
    await deps.sleep(delay);
    return true;
  };
  /**
   * Attempts holding `held` until one settles (its outcome), loses on a stream not held (`grow`) or the
   * budget ends (`spent`); without a store lock, lost races pause (first of all when `pauseFirst`).
   */
  const holding = async (
    held: ReadonlySet<string>,
    pauseFirst: boolean,
  ): Promise<CommandOutcome | 'grow' | 'spent'> => {
    if (pauseFirst && storeLocks === undefined && !(await pause())) return 'spent';
    for (;;) {
      const tried = await attemptOnce(deps, cmd, digest, ++n, later);
      if (tried._tag === 'Done') {
        // Under a store lock the tails may have been answered as the store assumed them (a kept
        // lock, `StreamTail`); an append checks that, an end without one (a refusal, no events) does
        // not: it is decided once more on states read again (the read-ahead is spent) before it is final.
        if (!confirmed && storeLocks !== undefined && settledWithoutLookup(tried) === undefined) {
          confirmed = true;
          continue;
        }
        return tried.outcome;
      }
      note(tried.error);
      if (tried.error._tag === 'ConcurrencyConflict' && !held.has(tried.error.streamId))
        return 'grow';
      if (!more()) return 'spent';
      // With the store's lock held, a lost race was lost to an unlocked first try: go again at once.
      if (
        storeLocks === undefined &&
        tried.error._tag === 'ConcurrencyConflict' &&
        !(await pause())
      )
        return 'spent';
    }
  };
  if (lost !== undefined) note(lost);
  let paused = !(lost?._tag === 'ConcurrencyConflict' && attempts > 0);
  while (more()) {
    if (hot.size === 0) {
      if (!paused && !(await pause())) break;
      const tried = await attemptOnce(deps, cmd, digest, ++n, later);
      if (tried._tag === 'Done') return tried.outcome;
      note(tried.error);
      paused = tried.error._tag !== 'ConcurrencyConflict';
      continue;
    }
    const held = new Set(hot);
    const ids = [...held];
    const settled = await deps.queue.run(ids, async () => {
      if (storeLocks === undefined) return E.right(await holding(held, !paused));
      const asked = deps.now();
      return storeLocks.withStreamLock(
        ids,
        Math.max(1, deadline - asked),
        () => {
          const granted = deps.now();
          if (granted - asked > CONTENDED_WAIT_MS) for (const id of ids) deps.hot.mark(id, granted);
          return holding(held, false);
        },
        cachedTails(deps, cmd),
      );
    });
    if (E.isLeft(settled)) {
      last = settled.left;
      break;
    }
    if (settled.right === 'spent') break;
    if (settled.right !== 'grow') return settled.right;
    paused = true; // the lock (or queue) of the larger set does the waiting
  }
  const prior = await priorOutcome(deps, cmd, digest, n);
  if (prior !== undefined) return prior;
  if (last === undefined) throw new Error('retryCommand: retry.maxAttempts must be at least 1');
  const message =
    last._tag === 'StreamLockTimeout'
      ? `waited ${Math.round(last.timeoutMs)} ms for the lock of ${last.streamIds.join(', ')}`
      : describeAppendError(last);
  return conflictOutcome(
    cmd,
    last._tag === 'IdempotencyConflict' ? 'IdempotencyConflict' : 'ConcurrencyConflict',
    n,
    message,
  );
};

/**
 * Decides a command again on states read from the store until it settles, after its first try did not
 * (`lost` when it lost a race; counted in `attempts` when that try read every state). A stream that
 * lost a race (or is in `hotAtStart`) is held from then on: this process's retries on it take turns
 * (`deps.queue`) and, on a store with `withStreamLock`, hold its lock across load, decide and append,
 * so writers of every process wait in line instead of losing races. Retries that cannot hold a store
 * lock pause by decorrelated jitter. No attempt starts after `retry.budgetMs` from `startedAt` or past
 * `retry.maxAttempts`; a spent budget looks the command id up once more before answering `Conflict`.
 * Snapshots the attempts made due are written once the lock is let go. Does I/O.
 */
export const retryCommand = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  startedAt: number,
  lost: RetryError | undefined,
  attempts: number,
  hotAtStart: readonly string[],
): Promise<CommandOutcome> => {
  const later: SnapshotWrites = [];
  const outcome = await retryLoop(deps, cmd, digest, startedAt, lost, attempts, hotAtStart, later);
  for (const save of later) await save();
  return outcome;
};
