import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { migrate } from './migrate.js';
import { retryBusySync } from './retryBusy.js';
import { cannotOpen, type SqliteOpenFailure } from './SqliteOpenFailure.js';
import type { ResolvedOptions } from './SqliteStoreOptions.js';

/** An open, migrated connection and the schema version it is at. */
export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly schemaVersion: number;
}

const configure = (db: Database.Database, o: ResolvedOptions): void => {
  db.pragma(`busy_timeout = ${o.busyTimeoutMs}`);
  if (o.path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${o.synchronous}`);
  db.pragma('foreign_keys = ON');
};

/**
 * Opens (creating if needed) the database file, switches it to WAL, applies the durability setting
 * and brings the schema up to date. Busy locks are retried like writes. Does I/O.
 */
export const openDatabase = (o: ResolvedOptions): E.Either<SqliteOpenFailure, OpenedDatabase> => {
  let db: Database.Database;
  try {
    db = new Database(o.path);
  } catch (e) {
    return E.left(cannotOpen(o.path, e instanceof Error ? e.message : String(e)));
  }
  try {
    const ready = retryBusySync(() => {
      configure(db, o);
      return migrate(db, o.path);
    }, o.maxRetries);
    if (E.isLeft(ready)) {
      db.close();
      return E.left(cannotOpen(o.path, ready.left.reason));
    }
    if (E.isLeft(ready.right)) {
      db.close();
      return ready.right;
    }
    return E.right({ db, schemaVersion: ready.right.right });
  } catch (e) {
    db.close();
    if (e instanceof Database.SqliteError) return E.left(cannotOpen(o.path, e.message));
    throw e;
  }
};
