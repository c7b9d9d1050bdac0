import { closeSync, existsSync, openSync, readSync } from 'node:fs';

/** How a line of `strive export` starts since the hashed text is written in place (data first). */
const CURRENT = '{"data":';

/**
 * Whether a cached exported log can be reused: it exists and is in the current export format. A log
 * exported by an earlier build (`{"eventId":` first) still replays, but with the envelope written
 * again for every hash, so it would measure the old cost. Does I/O (reads a few bytes).
 * @example isCurrentExport('/tmp/store.db.log.jsonl') // false when missing or in the earlier order
 */
export const isCurrentExport = (file: string): boolean => {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(CURRENT.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.toString('utf8', 0, n) === CURRENT;
  } finally {
    closeSync(fd);
  }
};
