import {
  createChainVerifier,
  type ChainBroken,
  type ChainVerifier,
  type StoredEvent,
} from '@strive/eventlog';
import { computeEventHash, exportedLineFits } from '@strive/eventlog/adapter';
import type { LineHashFailure } from './LineHashFailure.js';
import type { LogBatch } from './readLogBatches.js';
import { startLineHashThread, type LineHashThread } from './startLineHashThread.js';

/**
 * The size of log worth a second thread: a thread takes about as long to start as this thread takes to
 * check 4 MiB of lines, so smaller logs are checked here alone. A log of unknown size (standard input)
 * is checked here until this much has been read.
 */
const THREAD_BYTES = 4 * 1024 * 1024;

/** The hash chain check of a log `replay` reads, batch by batch. */
export interface LogChainCheck {
  /** Takes the next batch's lines before its events are checked (hands them to the thread). */
  readonly take: (batch: LogBatch) => Promise<void>;
  /** Checks the next event, read from line `n`: the first break seen here, or undefined. */
  readonly check: (e: StoredEvent, line: string | undefined, n: number) => ChainBroken | undefined;
  /**
   * The first break in the log before line `stop` (all lines when undefined): `found` (a break
   * `check` returned at that line) or one the thread found earlier. Ends the thread.
   */
  readonly settle: (stop?: number, found?: ChainBroken) => Promise<ChainBroken | undefined>;
  /** Ends the thread, if any, without waiting for its answers (after a failure elsewhere). */
  readonly stop: () => Promise<void>;
  /** The number of the first line handed to the thread; undefined while the lines are checked here. */
  readonly threadFrom: () => number | undefined;
}

/** Where the check may deviate from its defaults (tests). */
export interface LogChainCheckOptions {
  /** The log size from which the hashes go to a second thread (default `THREAD_BYTES`). */
  readonly threadBytes?: number;
  /** The thread's script (default the `lineHashWorker.js` beside this module). */
  readonly worker?: URL;
  /** Wait for the thread to start instead of checking here meanwhile (default false). */
  readonly waitForThread?: boolean;
}

/** The break of an event (or a line the thread found) whose hash does not hold. Pure. */
const badHash = (e: Omit<LineHashFailure, 'line'>): ChainBroken => ({
  _tag: 'ChainBroken',
  globalPosition: e.globalPosition,
  streamId: e.streamId,
  streamPosition: e.streamPosition,
  reason: 'content does not match its hash',
});

/**
 * The chain check of `replay`: links and hashes in order (`createChainVerifier`), except that the
 * hashes of an exported log of `THREAD_BYTES` or more go to a second thread (`startLineHashThread`)
 * once it has started, while this one decodes and folds. This one then checks the links and whether
 * each line is its event's exported text (`exportedLineFits`), and recomputes the hash of a line that
 * is not. The outcome is the same as checking in order: the first break in the log, with its reason.
 * Does I/O (a worker thread).
 * @example const c = createLogChainCheck(); await c.take(b); c.check(b.events[0], b.lines[0], 1);
 */
export const createLogChainCheck = (options: LogChainCheckOptions = {}): LogChainCheck => {
  const threadBytes = options.threadBytes ?? THREAD_BYTES;
  const chain: ChainVerifier = createChainVerifier();
  let taken = 0;
  let thread: LineHashThread | undefined;
  let threadFrom = Infinity;
  return {
    take: async (batch) => {
      if (batch.text === '') return;
      taken += batch.text.length;
      if ((batch.logBytes ?? taken) >= threadBytes) thread ??= startLineHashThread(options.worker);
      if (thread !== undefined && options.waitForThread === true) await thread.started;
      // Until the thread has started, this one checks the lines (it does not wait for the thread).
      if (thread?.ready() !== true) return;
      threadFrom = Math.min(threadFrom, batch.firstLine);
      await thread.submit(batch.text, batch.firstLine);
    },
    check: (e, line, n) => {
      if (n < threadFrom || line === undefined) return chain.check(e, line);
      const broken = chain.checkLinks(e);
      // The thread's answer is exact for a line that fits its event; for one that does not (another
      // key order, an escape…) it may have hashed text that is not the hashed one, so check it here.
      if (broken !== undefined || exportedLineFits(line, e)) return broken;
      return computeEventHash(e) === e.hash ? undefined : badHash(e);
    },
    settle: async (stop = Infinity, found) => {
      if (thread === undefined) return found;
      if (threadFrom === Infinity) {
        await thread.stop();
        return found;
      }
      let first: LineHashFailure | undefined;
      for (const f of await thread.settle()) if (f.line < (first?.line ?? stop)) first = f;
      return first === undefined ? found : badHash(first);
    },
    stop: async () => {
      await thread?.stop();
    },
    threadFrom: () => (threadFrom === Infinity ? undefined : threadFrom),
  };
};
