import type { EventStore } from '@strive/eventlog';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';

/** `strive export`: the whole log as JSONL on standard output, in global order, hashes included. Does I/O. */
export const exportLog = async (store: EventStore, io: Io): Promise<number> => {
  const head = await store.head();
  const progress = startProgress(io, 'export', false, head.globalPosition);
  let chunk = '';
  let n = 0;
  for await (const e of store.readAll({ batchSize: 1000, to: head.globalPosition })) {
    chunk += `${JSON.stringify(e)}\n`;
    if (++n % 1000 === 0) {
      await io.outFlowing(chunk);
      chunk = '';
      progress.tick(1000);
    }
  }
  if (chunk !== '') await io.outFlowing(chunk);
  progress.stop();
  return 0;
};
