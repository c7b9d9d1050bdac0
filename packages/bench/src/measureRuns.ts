import type { Timing } from './workloads.js';

/** What `measureRuns` reports of each run it measures or discards. */
export type RunLog = (what: 'warm-up' | 'run', index: number, timing: Timing) => void;

/**
 * Runs `warmup` unmeasured runs of a workload, then `runs` measured ones, and returns the measured
 * timings only. The warm-up runs take the indexes after the measured ones (`runs`, `runs + 1`...),
 * so their salts differ and each side has been through its code once (JIT, statement caches, page
 * cache) before anything counts; the measured runs keep indexes 0..runs-1 and so their order of
 * sides (`measurePair`). Does whatever `run` does.
 * @example const times = await measureRuns(w.run, 3, 1, (what, i, t) => log(`${what} ${i}`));
 */
export const measureRuns = async (
  run: (index: number) => Promise<Timing>,
  runs: number,
  warmup: number,
  log: RunLog,
): Promise<Timing[]> => {
  for (let i = 0; i < warmup; i++) log('warm-up', runs + i, await run(runs + i));
  const times: Timing[] = [];
  for (let r = 0; r < runs; r++) {
    const t = await run(r);
    log('run', r, t);
    times.push(t);
  }
  return times;
};
