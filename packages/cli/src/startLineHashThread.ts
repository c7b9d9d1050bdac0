import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Worker } from 'node:worker_threads';
import { LineHashFailureCodec, type LineHashFailure } from './LineHashFailure.js';

/** Batches handed to the thread and not yet answered before `submit` waits: about 2 MiB of lines. */
const IN_FLIGHT = 32;

const Answer = t.readonlyArray(LineHashFailureCodec);

/** A thread that checks the hashes of exported lines while the caller reads on (`lineHashWorker`). */
export interface LineHashThread {
  /** Whether the thread has started and takes batches (until then the caller checks its own). */
  readonly ready: () => boolean;
  /** Settles once the thread has started (rejects if it fails first). */
  readonly started: Promise<void>;
  /** Hands whole lines to the thread; waits only while `IN_FLIGHT` batches are unanswered. */
  readonly submit: (text: string, firstLine: number) => Promise<void>;
  /** Every failure the thread found, once it has answered every batch; then the thread ends. */
  readonly settle: () => Promise<readonly LineHashFailure[]>;
  /** Ends the thread at once (after a failure elsewhere). */
  readonly stop: () => Promise<void>;
}

/**
 * Starts the hash-checking thread of `replay` (`script`: its code, by default `lineHashWorker.js`
 * beside this module). A thread that fails (a bug) rejects the next `submit` or `settle` with its
 * error. Does I/O (a worker thread).
 * @example const th = startLineHashThread(); await th.submit(text, 1); const bad = await th.settle();
 */
export const startLineHashThread = (
  script: URL = new URL('./lineHashWorker.js', import.meta.url),
): LineHashThread => {
  const worker = new Worker(script);
  const failures: LineHashFailure[] = [];
  const waiters: { readonly answered: number; readonly done: () => void }[] = [];
  let submitted = 0;
  let answered = 0;
  let failed: Error | undefined;
  let ended = false;
  let ready = false;
  let onStarted: { ok: () => void; fail: (e: unknown) => void } | undefined;
  const started = new Promise<void>((ok, fail) => (onStarted = { ok, fail }));
  started.catch(() => undefined); // the failure is also reported by `submit` and `settle`
  const wake = (): void => {
    if (failed !== undefined) onStarted?.fail(failed);
    for (
      let w = waiters[0];
      w !== undefined && (failed !== undefined || answered >= w.answered);
      w = waiters[0]
    ) {
      waiters.shift();
      w.done();
    }
  };
  worker.on('message', (m: unknown) => {
    if (m === 'ready') {
      ready = true;
      onStarted?.ok();
      return;
    }
    const found = Answer.decode(m);
    if (E.isLeft(found)) failed = new Error('lineHashWorker answered something else than failures');
    else failures.push(...found.right);
    answered += 1;
    wake();
  });
  worker.on('error', (e) => {
    failed = e;
    wake();
  });
  worker.on('exit', (code) => {
    if (!ended) failed ??= new Error(`lineHashWorker stopped (exit code ${code})`);
    wake();
  });
  const end = async (): Promise<void> => {
    ended = true;
    await worker.terminate();
  };
  const until = async (n: number): Promise<void> => {
    if (answered < n && failed === undefined)
      await new Promise<void>((done) => waiters.push({ answered: n, done }));
    if (failed !== undefined) throw failed;
  };
  return {
    ready: () => ready,
    started,
    submit: async (text, firstLine) => {
      await until(submitted + 1 - IN_FLIGHT);
      worker.postMessage({ text, firstLine });
      submitted += 1;
    },
    settle: async () => {
      try {
        await until(submitted);
        return failures;
      } finally {
        await end();
      }
    },
    stop: end,
  };
};
