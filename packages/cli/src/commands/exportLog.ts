import type { EventStore } from '@strive/eventlog';
import { exportedLine } from '@strive/eventlog/adapter';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';
import { writeJsonLines } from '../writeJsonLines.js';

/**
 * `strive export`: the whole log as JSONL on standard output, in global order, hashes included; each
 * line is the text the event's hash covers with the hash added last (`exportedLine`), which `replay`
 * checks without writing the envelope again. Does I/O.
 */
export const exportLog = async (store: EventStore, io: Io): Promise<number> => {
  const head = await store.head();
  const progress = startProgress(io, 'export', false, head.globalPosition);
  const events = store.readAll({ batchSize: 1000, to: head.globalPosition });
  await writeJsonLines(io, events, progress, exportedLine);
  return 0;
};
