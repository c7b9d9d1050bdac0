import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Worker } from 'node:worker_threads';
import { LineHashFailureCodec } from './LineHashFailure.js';

const Answer = t.type({
  failures: t.readonlyArray(LineHashFailureCodec),
  before: t.string,
  after: t.string,
});

/** What the thread found: the lines whose hash does not hold, and the file's stamps around its reads. */
export type LineHashAnswer = t.TypeOf<typeof Answer>;

/** A thread that reads an exported log on its own and checks the hash of every line (`lineHashWorker`). */
export interface LineHashThread {
  /**
   * Its answer, once it has checked every line up to `stop` (every line when undefined); then the
   * thread ends. Rejects with the thread's error if it failed.
   */
  readonly settle: (stop?: number) => Promise<LineHashAnswer>;
  /** Ends the thread at once (after a failure elsewhere). */
  readonly stop: () => Promise<void>;
}

/**
 * Starts the hash-checking thread of `replay` on the log at `path` (`script`: its code, by default
 * `lineHashWorker.js` beside this module); it reads the file while the caller reads it too. Does I/O
 * (a worker thread).
 * @example const th = startLineHashThread('log.jsonl'); const { failures } = await th.settle();
 */
export const startLineHashThread = (
  path: string,
  script: URL = new URL('./lineHashWorker.js', import.meta.url),
): LineHashThread => {
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(script, { workerData: { path, stop } });
  let ended = false;
  const answer = new Promise<LineHashAnswer>((done, fail) => {
    worker.once('message', (m: unknown) => {
      const a = Answer.decode(m);
      if (E.isLeft(a)) fail(new Error('lineHashWorker answered something else than its findings'));
      else done(a.right);
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (!ended) fail(new Error(`lineHashWorker stopped before it answered (exit code ${code})`));
    });
  });
  answer.catch(() => undefined); // reported by `settle`; unasked after `stop`
  const end = async (): Promise<void> => {
    ended = true;
    await worker.terminate();
  };
  return {
    settle: async (last) => {
      if (last !== undefined) Atomics.store(new Int32Array(stop), 0, Math.max(1, last));
      try {
        return await answer;
      } finally {
        await end();
      }
    },
    stop: end,
  };
};
