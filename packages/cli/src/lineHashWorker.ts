// The thread `startLineHashThread` runs: reads the exported log itself, line by line, checks every
// line's hash (`lineHashHolds`, else `recheckLine`) and answers once with the failures and the file's
// stamps at its start and end. It stops after the line the caller's `stop` cell names (0: none). It
// loads no more than that check at start (io-ts and the rest only for a line that needs `recheckLine`).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { lineHashHolds } from '@strive/eventlog/adapter';
import type { LineHashFailure } from './LineHashFailure.js';
import { stampOf } from './LogFile.js';
import type * as RecheckLine from './recheckLine.js';

/** Bytes read at a time at first (the thread's own buffer, reused; doubled for a longer line). */
const READ = 1 << 20;

/** What the thread is started with: the log's path and the cell the caller writes its last line to. */
const isStart = (d: unknown): d is { readonly path: string; readonly stop: SharedArrayBuffer } =>
  typeof d === 'object' &&
  d !== null &&
  'path' in d &&
  typeof d.path === 'string' &&
  'stop' in d &&
  d.stop instanceof SharedArrayBuffer;

let recheck: Promise<typeof RecheckLine> | undefined;

/** Line `n`'s failure, for a line `lineHashHolds` did not prove (rare: loads `recheckLine` once). */
const recheckAt = async (line: string, n: number): Promise<LineHashFailure | undefined> => {
  const { recheckLine } = await (recheck ??= import('./recheckLine.js'));
  return recheckLine(line, n);
};

/** Checks every line of the file up to the stop line: the failures, and the stamps around. */
const checkFile = async (path: string, stop: Int32Array) => {
  const fd = openSync(path, 'r');
  try {
    const before = stampOf(fstatSync(fd));
    const failures: LineHashFailure[] = [];
    let buf = Buffer.allocUnsafe(READ);
    let kept = 0;
    let n = 0;
    for (;;) {
      const read = readSync(fd, buf, kept, buf.length - kept, null);
      const end = kept + read;
      let start = 0;
      for (let nl = buf.indexOf(10, 0); nl !== -1 && nl < end; nl = buf.indexOf(10, start)) {
        n += 1;
        const line = buf.toString('utf8', start, nl);
        // No await on the usual line: `lineHashHolds` answers it synchronously.
        const failure = lineHashHolds(line) ? undefined : await recheckAt(line, n);
        if (failure !== undefined) failures.push(failure);
        start = nl + 1;
      }
      const last = Atomics.load(stop, 0);
      if (read === 0 || (last > 0 && n >= last)) {
        const line = read === 0 && start < end ? buf.toString('utf8', start, end) : '';
        const failure =
          line === '' || lineHashHolds(line) ? undefined : await recheckAt(line, n + 1);
        if (failure !== undefined) failures.push(failure);
        return { failures, before, after: stampOf(fstatSync(fd)) };
      }
      if (start === 0 && end === buf.length)
        buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
      kept = buf.copy(buf, 0, start, end);
    }
  } finally {
    closeSync(fd);
  }
};

const port = parentPort;
if (port === null || !isStart(workerData))
  throw new Error('lineHashWorker.js runs as the worker thread of startLineHashThread');
port.postMessage(await checkFile(workerData.path, new Int32Array(workerData.stop)));
