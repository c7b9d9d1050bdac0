import type { Io } from './Io.js';
import type { Progress } from './progress.js';

/**
 * Writes each value as one JSON line on standard output (`toLine`, `JSON.stringify` unless given),
 * 1,000 lines per write, waiting while the pipe is full (flat memory however many values), ticking
 * `progress` per write. Does I/O.
 */
export const writeJsonLines = async <T>(
  io: Io,
  values: AsyncIterable<T> | Iterable<T>,
  progress: Progress,
  toLine: (value: T) => string = JSON.stringify,
): Promise<void> => {
  let chunk = '';
  let n = 0;
  for await (const value of values) {
    chunk += `${toLine(value)}\n`;
    if (++n % 1000 === 0) {
      await io.outFlowing(chunk);
      chunk = '';
      progress.tick(1000);
    }
  }
  if (chunk !== '') await io.outFlowing(chunk);
  progress.stop();
};
