import { Worker } from 'node:worker_threads';
import { createChainVerifier, type ChainBroken, type StoredEvent } from '@strive/eventlog';
import { CliError } from './CliError.js';
import type { LineChainResult } from './lineChain.js';

/** How `strive replay` checks the hash chain: event by event here, or over raw text in a second thread. */
export interface ChainCheck {
  /** Checks one event in this thread; always undefined when a second thread checks. */
  readonly check: (e: StoredEvent) => ChainBroken | undefined;
  /** Hands a raw chunk of the log to the second thread; resolves when it may take another. */
  readonly feed: (chunk: string) => Promise<void>;
  /** The second thread's verdict on everything fed (undefined when the chain holds); ends the thread. */
  readonly finish: () => Promise<ChainBroken | undefined>;
  /** Stops the second thread without waiting for a verdict (after an error). */
  readonly abandon: () => void;
}

/** The chain checked in the reading thread (a store's log, or a small file). Pure. */
export const inThreadChain = (): ChainCheck => {
  const v = createChainVerifier();
  return {
    check: (e) => v.check(e),
    feed: () => Promise.resolve(),
    finish: () => Promise.resolve(undefined),
    abandon: () => undefined,
  };
};

/** Chunks in flight before `feed` waits: bounds the memory the second thread's queue can hold. */
const IN_FLIGHT = 8;

const isResult = (m: unknown): m is LineChainResult =>
  typeof m === 'object' && m !== null && 'kind' in m;

/**
 * The chain checked over raw chunks in a worker thread (`chainWorker.js`, beside this module), so that
 * hashing runs on a second core while this thread decodes and folds; at most 8 chunks wait for it.
 * Checking stops after global position `limit`. A line the worker cannot read is left to the reading
 * thread, which names it. Does I/O (a worker thread).
 * @example const chain = workerChain(); for await (...) await chain.feed(chunk); await chain.finish();
 */
export const workerChain = (limit?: number): ChainCheck => {
  const worker = new Worker(new URL('./chainWorker.js', import.meta.url), { workerData: limit });
  let inFlight = 0;
  let wake: (() => void) | undefined;
  let verdict: ((r: LineChainResult) => void) | undefined;
  let failure: Error | undefined;
  const result = new Promise<LineChainResult>((resolve, reject) => {
    verdict = resolve;
    worker.on('error', (e) => {
      failure = e;
      reject(e);
      wake?.();
    });
  });
  result.catch(() => undefined); // observed by finish()
  worker.on('message', (m: unknown) => {
    if (m === 'ack') {
      inFlight -= 1;
      const w = wake;
      wake = undefined;
      w?.();
    } else if (isResult(m)) verdict?.(m);
  });
  return {
    check: () => undefined,
    feed: async (chunk) => {
      if (failure !== undefined) throw failure;
      if (inFlight >= IN_FLIGHT) await new Promise<void>((r) => (wake = r));
      inFlight += 1;
      worker.postMessage(chunk);
    },
    finish: async () => {
      worker.postMessage(null);
      try {
        const r = await result;
        if (r.kind === 'broken') return r.broken;
        if (r.kind === 'unreadable')
          throw new CliError(`line ${r.line} could not be checked against the hash chain`, 1);
        return undefined;
      } finally {
        await worker.terminate();
      }
    },
    abandon: () => void worker.terminate(),
  };
};
