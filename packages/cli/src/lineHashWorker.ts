// The thread `startLineHashThread` runs: says 'ready' once loaded, then for each batch of whole lines it
// is sent, checks every line's hash (`lineHashHolds`, else `recheckLine`) and answers with the
// failures, one message per batch. It
// loads no more than that check at start (io-ts and the rest only for a line that needs `recheckLine`),
// since the caller waits for it at the end.
import { parentPort } from 'node:worker_threads';
import { lineHashHolds } from '@strive/eventlog/adapter';
import type { LineHashFailure } from './LineHashFailure.js';
import type * as RecheckLine from './recheckLine.js';

/** What the thread is sent: whole lines of a log, the first numbered `firstLine`. */
const isLineBatch = (m: unknown): m is { readonly text: string; readonly firstLine: number } =>
  typeof m === 'object' &&
  m !== null &&
  'text' in m &&
  typeof m.text === 'string' &&
  'firstLine' in m &&
  typeof m.firstLine === 'number';

let recheck: Promise<typeof RecheckLine> | undefined;

/** The hash failures among whole lines `text`, the first numbered `firstLine`. Pure. */
const failuresIn = async (text: string, firstLine: number): Promise<LineHashFailure[]> => {
  const failures: LineHashFailure[] = [];
  let n = firstLine;
  for (let start = 0; start < text.length; n++) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    const line = text.slice(start, end);
    if (!lineHashHolds(line)) {
      const { recheckLine } = await (recheck ??= import('./recheckLine.js'));
      const failure = recheckLine(line, n);
      if (failure !== undefined) failures.push(failure);
    }
    start = end + 1;
  }
  return failures;
};

const port = parentPort;
if (port === null)
  throw new Error('lineHashWorker.js runs as a worker thread (startLineHashThread)');
port.postMessage('ready');
let answered = Promise.resolve();
port.on('message', (m: unknown) => {
  if (!isLineBatch(m)) throw new Error('lineHashWorker: a message is not { text, firstLine }');
  // In order: a batch that waits for `recheckLine` to load is answered before the next one.
  answered = answered.then(async () => port.postMessage(await failuresIn(m.text, m.firstLine)));
});
