import type { EventStore } from '@strive/eventlog';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';
import { writeJsonLines } from '../writeJsonLines.js';

/** `strive export`: the whole log as JSONL on standard output, in global order, hashes included. Does I/O. */
export const exportLog = async (store: EventStore, io: Io): Promise<number> => {
  const head = await store.head();
  const progress = startProgress(io, 'export', false, head.globalPosition);
  await writeJsonLines(io, store.readAll({ batchSize: 1000, to: head.globalPosition }), progress);
  return 0;
};
