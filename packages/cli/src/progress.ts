import cliProgress from 'cli-progress';
import type { Io } from './Io.js';

/** A progress indicator for long work; silent unless standard error is a terminal and output is not JSON. */
export interface Progress {
  readonly tick: (n?: number) => void;
  readonly stop: () => void;
}

const silent: Progress = { tick: () => undefined, stop: () => undefined };

/**
 * Starts a progress bar (with a total) or a counter (without) on standard error, only on a terminal and
 * never with `--json`. Does I/O.
 */
export const startProgress = (io: Io, label: string, json: boolean, total?: number): Progress => {
  if (!io.errIsTTY || json || io.env['CI'] !== undefined) return silent;
  const bar = new cliProgress.SingleBar(
    {
      format:
        total === undefined
          ? `${label} {value} done | {duration_formatted}`
          : `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  let done = 0;
  return {
    tick: (n = 1) => {
      done += n;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
};
