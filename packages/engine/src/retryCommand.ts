import { canLockStreams, describeAppendError, type StreamLockTimeout } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandOutcome } from './CommandOutcome.js';
import { decideAndAppend, type Attempt, type RetryError } from './decideAndAppend.js';
import type { DecodedCommand } from './decodeCommand.js';
import type { HandleDeps } from './handleCommand.js';
import { loadStreams } from './loadStreams.js';
import { conflictOutcome, priorOutcome } from './priorOutcome.js';
import { nextDelay } from './retryDelay.js';

/** One attempt on read states: command id lookup, load, decide, append. Does I/O. */
const attemptOnce = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  attempt: number,
): Promise<Attempt> => {
  const prior = await priorOutcome(deps, cmd, digest, attempt);
  if (prior !== undefined) return { _tag: 'Done', outcome: prior };
  const { streams } = await loadStreams(deps, cmd, false);
  return decideAndAppend(deps, cmd, digest, streams);
};

/**
 * Runs `fn` holding the streams that lost races: in this process's queue, then (when the store can
 * lock streams and `retry.streamLock` allows it) under the store's lock, waiting at most until the
 * time budget ends. Does I/O.
 */
const underLocks = async (
  deps: HandleDeps,
  hot: ReadonlySet<string>,
  deadline: number,
  fn: () => Promise<Attempt>,
): Promise<E.Either<StreamLockTimeout, Attempt>> => {
  if (hot.size === 0) return E.right(await fn());
  const ids = [...hot];
  return deps.queue.run(ids, async () => {
    const { store } = deps;
    if (deps.retry.streamLock !== 'on-conflict' || !canLockStreams(store))
      return E.right(await fn());
    return store.withStreamLock(ids, Math.max(1, deadline - deps.now()), fn);
  });
};

/**
 * Decides a command again on states read from the store until it settles, after its first try did not
 * (`lost` when it lost a race; counted in `attempts` when that try read every state). A stream that lost a version race
 * is held from then on (`underLocks`): writers of this process queue, writers of other processes wait
 * on the store's lock, so a retry is rarely lost. Unlocked retries pause by decorrelated jitter.
 * No attempt starts after `retry.budgetMs` from `startedAt` or past `retry.maxAttempts`. A refusal,
 * and the end of the budget, look the command id up once more: a racing copy of the same command
 * may have stored it meanwhile, which makes this one a duplicate. Does I/O.
 */
export const retryCommand = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  startedAt: number,
  lost: RetryError | undefined,
  attempts: number,
): Promise<CommandOutcome> => {
  const { budgetMs, maxAttempts, baseDelayMs, maxDelayMs } = deps.retry;
  const deadline = startedAt + budgetMs;
  const hot = new Set<string>();
  const locking = deps.retry.streamLock === 'on-conflict' && canLockStreams(deps.store);
  let last: RetryError | StreamLockTimeout | undefined = lost;
  let delay = baseDelayMs;
  let n = attempts;
  const note = (error: RetryError): void => {
    last = error;
    if (error._tag !== 'ConcurrencyConflict') return;
    deps.cache.delete(error.streamId);
    if (deps.retry.streamLock === 'on-conflict') hot.add(error.streamId);
  };
  if (lost !== undefined) note(lost);
  // A counted try that lost a race pauses before the next, unless the store's lock does the waiting.
  let pause = lost?._tag === 'ConcurrencyConflict' && attempts > 0;
  while (n < maxAttempts && (n === 0 || deps.now() < deadline)) {
    if (pause && !(locking && hot.size > 0)) {
      delay = nextDelay(delay, baseDelayMs, maxDelayMs, deps.random());
      if (deps.now() + delay >= deadline) break;
      await deps.sleep(delay);
    }
    const tried = await underLocks(deps, hot, deadline, () =>
      attemptOnce(deps, cmd, digest, n + 1),
    );
    n += 1;
    if (E.isLeft(tried)) {
      last = tried.left;
      break;
    }
    const settled = tried.right;
    if (settled._tag === 'Done')
      return settled.outcome._tag === 'Rejected'
        ? ((await priorOutcome(deps, cmd, digest, n)) ?? settled.outcome)
        : settled.outcome;
    note(settled.error);
    pause = settled.error._tag === 'ConcurrencyConflict';
  }
  const prior = await priorOutcome(deps, cmd, digest, n);
  if (prior !== undefined) return prior;
  if (last === undefined) throw new Error('retryCommand: retry.maxAttempts must be at least 1');
  const message =
    last._tag === 'StreamLockTimeout'
      ? `waited ${last.timeoutMs} ms for the lock of ${last.streamIds.join(', ')}`
      : describeAppendError(last);
  return conflictOutcome(
    cmd,
    last._tag === 'IdempotencyConflict' ? 'IdempotencyConflict' : 'ConcurrencyConflict',
    n,
    message,
  );
};
