import { parentPort, workerData } from 'node:worker_threads';
import { createLineChain } from './lineChain.js';

// The second thread of `strive replay` (see chainThread.ts): checks the hash chain of the raw chunks
// the reading thread posts, acknowledging each, and answers the result when posted `null`. Does I/O
// (messages).
const port = parentPort;
if (port === null) throw new Error('chainWorker.js runs as a worker thread (see chainThread.ts)');
const limit: unknown = workerData;
const chain = createLineChain(typeof limit === 'number' ? limit : Infinity);
port.on('message', (chunk: unknown) => {
  if (typeof chunk === 'string') {
    chain.feed(chunk);
    port.postMessage('ack');
  } else port.postMessage(chain.end());
});
