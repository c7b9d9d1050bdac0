import {
  createChainVerifier,
  type ChainBroken,
  type ChainVerifier,
  type StoredEvent,
} from '@strive/eventlog';
import { computeEventHash, exportedLineFits } from '@strive/eventlog/adapter';
import { CliError } from './CliError.js';
import type { LineHashFailure } from './LineHashFailure.js';
import { stampNow, type LogFile } from './LogFile.js';
import {
  startLineHashThread,
  type LineHashAnswer,
  type LineHashThread,
} from './startLineHashThread.js';

/**
 * The size of log worth a second thread: a thread takes about as long to start as this thread takes to
 * check 4 MiB of lines, so smaller logs (and standard input, which cannot be read twice) are checked
 * here alone.
 */
const THREAD_BYTES = 4 * 1024 * 1024;

/** The hash chain check of a log `replay` reads, event by event. */
export interface LogChainCheck {
  /** Checks the next event, read from `line` when a log: the first break seen here, or undefined. */
  readonly check: (e: StoredEvent, line: string | undefined) => ChainBroken | undefined;
  /**
   * The first break in the log before line `stop` (all lines when undefined): `found` (a break
   * `check` returned at that line) or one the thread found earlier. Ends the thread. A `CliError` if
   * the file changed while it was read.
   */
  readonly settle: (stop?: number, found?: ChainBroken) => Promise<ChainBroken | undefined>;
  /** Ends the thread, if any, without waiting for it (after a failure elsewhere). */
  readonly stop: () => Promise<void>;
  /** Whether a second thread checks the lines' hashes. */
  readonly threaded: boolean;
}

/** Where the check may deviate from its defaults (tests). */
export interface LogChainCheckOptions {
  /** The log size from which the hashes go to a second thread (default `THREAD_BYTES`). */
  readonly threadBytes?: number;
  /** The thread's script (default the `lineHashWorker.js` beside `startLineHashThread`). */
  readonly worker?: URL;
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
 * The chain check of `replay`: links and hashes in order (`createChainVerifier`), except for an
 * exported log file of `THREAD_BYTES` or more, whose hashes a second thread checks, reading the file
 * on its own (`startLineHashThread`), while this one decodes and folds. This one then checks the
 * links and whether each line is its event's exported text (`exportedLineFits`), and recomputes the
 * hash of a line that is not. The outcome is the same as checking in order: the first break in the
 * log, with its reason; and the file must be the same (size, modification time, inode) before and
 * after both threads read it. Does I/O (a worker thread, file stamps).
 * @example const c = createLogChainCheck(batches.file); c.check(e, line); await c.settle();
 */
export const createLogChainCheck = (
  file: LogFile | undefined,
  options: LogChainCheckOptions = {},
): LogChainCheck => {
  const chain: ChainVerifier = createChainVerifier();
  const thread: LineHashThread | undefined =
    file !== undefined && file.bytes >= (options.threadBytes ?? THREAD_BYTES)
      ? startLineHashThread(file.path, options.worker)
      : undefined;
  return {
    check: (e, line) => {
      if (thread === undefined || line === undefined) return chain.check(e, line);
      const broken = chain.checkLinks(e);
      // The thread's answer is exact for a line that fits its event; for one that does not (another
      // key order, an escape…) it may have hashed text that is not the hashed one, so check it here.
      if (broken !== undefined || exportedLineFits(line, e)) return broken;
      return computeEventHash(e) === e.hash ? undefined : badHash(e);
    },
    settle: async (stop = Infinity, found) => {
      if (thread === undefined || file === undefined) return found;
      const answer: LineHashAnswer = await thread.settle(stop === Infinity ? undefined : stop);
      const now = await stampNow(file.path);
      if (new Set([file.stamp, answer.before, answer.after, now]).size !== 1)
        throw new CliError(`${file.path} changed while replay read it: replay it again`, 1);
      let first: LineHashFailure | undefined;
      for (const f of answer.failures) if (f.line < (first?.line ?? stop)) first = f;
      return first === undefined ? found : badHash(first);
    },
    stop: async () => {
      await thread?.stop();
    },
    threaded: thread !== undefined,
  };
};
