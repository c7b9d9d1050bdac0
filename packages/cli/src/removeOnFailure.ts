import { existsSync, rmSync } from 'node:fs';
import { parseDbTarget } from './dbTarget.js';

const FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Runs `work` (which opens and closes the store of `db`); when `db` names an SQLite file that did not
 * exist before and `work` fails (throws or returns a non-zero status), removes the file it created, so
 * a failed `import` leaves nothing behind. Does I/O.
 */
export const withNewFileRemovedOnFailure = async (
  db: string,
  work: () => Promise<number>,
): Promise<number> => {
  const target = parseDbTarget(db);
  const created = target.kind === 'sqlite' && !FILES.some((f) => existsSync(`${target.path}${f}`));
  const removeCreated = (): void => {
    if (created && target.kind === 'sqlite')
      for (const f of FILES) rmSync(`${target.path}${f}`, { force: true });
  };
  let status: number;
  try {
    status = await work();
  } catch (e) {
    removeCreated();
    throw e;
  }
  if (status !== 0) removeCreated();
  return status;
};
