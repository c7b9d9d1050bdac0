import { existsSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { cannotOpen, type SqliteOpenFailure } from './SqliteOpenFailure.js';

/** A read-only connection and the clean-up to run once it is closed. */
export interface ReadOnlyConnection {
  readonly db: Database.Database;
  readonly afterClose: () => void;
}

const CANNOT_SHARE = new Set(['SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN']);

const codeOf = (e: unknown): unknown =>
  typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;

/**
 * Removes the empty `-wal` and `-shm` files read-only connections to a WAL file leave behind (they
 * may not delete them themselves): a short read-write connection reads one row and closes, and
 * SQLite, holding its locks, deletes them only when no other connection uses them. Only an empty WAL
 * is cleaned, so that close has nothing to checkpoint and the database file keeps every byte. Where
 * this process may not write, nothing was created. Does I/O.
 */
const removeWalFiles = (path: string): void => {
  try {
    if (statSync(`${path}-wal`).size !== 0) return;
    const rw = new Database(path, { fileMustExist: true });
    try {
      rw.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      rw.close();
    }
  } catch {
    // Not ours to clean (another process holds it, or we may not write here).
  }
};

/**
 * Opens an existing SQLite file for reading only. A WAL file in a directory this process may not
 * write (so SQLite cannot create the shared-memory file next to it) is read from an in-memory copy of
 * its bytes, its header marked as a rollback-journal file in the copy only: with no `-wal` file there,
 * every committed transaction is in the file. Does I/O; never changes the file.
 */
export const openReadOnly = (path: string): E.Either<SqliteOpenFailure, ReadOnlyConnection> => {
  if (!existsSync(path)) return E.left(cannotOpen(path, 'no such file'));
  const hadWal = existsSync(`${path}-wal`) || existsSync(`${path}-shm`);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    // The first read opens the WAL index, where a read-only directory fails.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return E.right({ db, afterClose: () => removeWalFiles(path) });
  } catch (e) {
    if (!CANNOT_SHARE.has(String(codeOf(e))) || hadWal)
      return E.left(cannotOpen(path, e instanceof Error ? e.message : String(e)));
  }
  try {
    const bytes = readFileSync(path);
    // Bytes 18-19 are the file format's write and read versions: 2 means WAL, 1 rollback journal.
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
    return E.right({ db: new Database(bytes, { readonly: true }), afterClose: () => undefined });
  } catch (e) {
    return E.left(cannotOpen(path, e instanceof Error ? e.message : String(e)));
  }
};
