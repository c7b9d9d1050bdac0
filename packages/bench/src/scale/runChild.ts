import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PEAK_RSS = fileURLToPath(new URL('./peakRss.js', import.meta.url));

/** What a measured child did: wall seconds (start-up included), peak RSS and its standard output. */
export interface ChildRun {
  readonly seconds: number;
  readonly peakMiB: number;
  readonly stdout: string;
}

/**
 * Runs `node SCRIPT ARGS` with `peakRss` preloaded and measures it; a failed child throws with its
 * standard error. Does I/O (a child process).
 */
export const runChild = (script: string, args: readonly string[]): ChildRun => {
  const start = process.hrtime.bigint();
  const r = spawnSync('node', ['--import', PEAK_RSS, script, ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0)
    throw new Error(`node ${script} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const peak = /peak-rss-kib (\d+)/.exec(r.stderr)?.[1];
  if (peak === undefined) throw new Error(`node ${script}: no peak RSS reported`);
  return { seconds, peakMiB: Number(peak) / 1024, stdout: r.stdout };
};
