import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { currentSchemaVersion, inspectFile, migrate, notAStore } from './migrate.js';
import { openReadOnly } from './openReadOnly.js';
import { retryBusySync } from './retryBusy.js';
import { LATEST_SCHEMA_VERSION, OLDEST_READABLE_SCHEMA_VERSION } from './schemaMigrations.js';
import { cannotOpen, schemaTooNew, type SqliteOpenFailure } from './SqliteOpenFailure.js';
import type { ResolvedOptions } from './SqliteStoreOptions.js';

/** An open, migrated connection, the schema version it is at, and what to do once it is closed. */
export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly schemaVersion: number;
  /** Runs after `db.close()`: a read-only open removes the WAL files it had to create. */
  readonly afterClose: () => void;
}

const configure = (db: Database.Database, o: ResolvedOptions): void => {
  if (o.path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${o.synchronous}`);
  db.pragma('foreign_keys = ON');
};

const failure = (
  db: Database.Database,
  f: SqliteOpenFailure,
): E.Either<SqliteOpenFailure, never> => {
  db.close();
  return E.left(f);
};

/** Checks a read-only file holds a Strive store at a schema this release reads. Does I/O (reads). */
const checkReadable = (
  db: Database.Database,
  path: string,
): E.Either<SqliteOpenFailure, number> => {
  const found = inspectFile(db);
  if (found === 'empty') return E.left(notAStore(path, ['no tables']));
  if (typeof found === 'object') return E.left(notAStore(path, found.tables));
  const version = currentSchemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION)
    return E.left(schemaTooNew(path, version, LATEST_SCHEMA_VERSION));
  if (version < OLDEST_READABLE_SCHEMA_VERSION)
    return E.left(
      cannotOpen(
        path,
        `schema version ${version} is older than the oldest this release reads (${OLDEST_READABLE_SCHEMA_VERSION}), and a read-only open never migrates: open it once for writing (e.g. \`strive run\`) to upgrade it; the file was not modified`,
      ),
    );
  return E.right(version);
};

/**
 * Opens the database file. For writing: creates it if needed, refuses another application's file
 * untouched, switches it to WAL, applies the durability setting and brings the schema up to date
 * (busy locks are retried like writes). Read-only (`o.readOnly`): opens an existing file without
 * changing it and checks it is a Strive store at a schema this release reads (see
 * `OLDEST_READABLE_SCHEMA_VERSION`). Does I/O.
 */
export const openDatabase = (o: ResolvedOptions): E.Either<SqliteOpenFailure, OpenedDatabase> => {
  if (o.readOnly) {
    const opened = openReadOnly(o.path);
    if (E.isLeft(opened)) return opened;
    const { db, afterClose } = opened.right;
    try {
      db.pragma(`busy_timeout = ${o.busyTimeoutMs}`);
      const ready = retryBusySync(() => checkReadable(db, o.path), o.maxRetries);
      if (E.isLeft(ready)) return failure(db, cannotOpen(o.path, ready.left.reason));
      if (E.isLeft(ready.right)) {
        db.close();
        afterClose();
        return ready.right;
      }
      return E.right({ db, schemaVersion: ready.right.right, afterClose });
    } catch (e) {
      db.close();
      afterClose();
      if (e instanceof Database.SqliteError) return E.left(cannotOpen(o.path, e.message));
      throw e;
    }
  }
  let db: Database.Database;
  try {
    db = new Database(o.path);
  } catch (e) {
    return E.left(cannotOpen(o.path, e instanceof Error ? e.message : String(e)));
  }
  try {
    db.pragma(`busy_timeout = ${o.busyTimeoutMs}`);
    const ready = retryBusySync(() => {
      // Another application's file is refused before anything (even the journal mode) changes.
      const found = inspectFile(db);
      if (typeof found === 'object') return E.left(notAStore(o.path, found.tables));
      configure(db, o);
      return migrate(db, o.path);
    }, o.maxRetries);
    if (E.isLeft(ready)) return failure(db, cannotOpen(o.path, ready.left.reason));
    if (E.isLeft(ready.right)) return failure(db, ready.right.left);
    return E.right({ db, schemaVersion: ready.right.right, afterClose: () => undefined });
  } catch (e) {
    db.close();
    if (e instanceof Database.SqliteError) return E.left(cannotOpen(o.path, e.message));
    throw e;
  }
};
