import type { Database } from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { MIGRATIONS, type Migration } from './schemaMigrations.js';
import { cannotOpen, schemaTooNew, type SqliteOpenFailure } from './SqliteOpenFailure.js';

const VersionRow = t.type({ version: t.union([t.number, t.null]) });
const NameRow = t.type({ name: t.string });

const CREATE_TABLE = `CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
)`;

/** The highest migration recorded in the file (0 for a fresh one). Does I/O. */
export const currentSchemaVersion = (db: Database): number => {
  const row: unknown = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get();
  const decoded = VersionRow.decode(row);
  if (E.isLeft(decoded)) throw new Error('schema_migrations.version holds a non-integer value');
  return decoded.right.version ?? 0;
};

/**
 * What the file holds: `empty` (no schema objects at all), `strive` (a `schema_migrations` table), or
 * the names of another application's tables. Does I/O (reads only).
 */
export const inspectFile = (db: Database): 'empty' | 'strive' | { readonly tables: string[] } => {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => (NameRow.is(r) ? r.name : '?'));
  if (names.length === 0) return 'empty';
  if (names.includes('schema_migrations')) return 'strive';
  return { tables: names };
};

/** The refusal of a file that holds another application's tables. Pure. */
export const notAStore = (path: string, tables: readonly string[]): SqliteOpenFailure =>
  cannotOpen(
    path,
    `not a Strive event store (it holds ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''} and no schema_migrations); the file was not modified`,
  );

/**
 * Brings the file's schema up to `migrations` in ONE `BEGIN IMMEDIATE` transaction (the
 * `schema_migrations` table included) that re-reads the version first, so processes opening the same
 * file at once apply each migration exactly once, and a failure leaves the file as it was. A file
 * newer than this release, or holding another application's tables, is refused untouched. Does I/O;
 * may throw SQLITE_BUSY (the caller retries).
 */
export const migrate = (
  db: Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): E.Either<SqliteOpenFailure, number> =>
  db
    .transaction((): E.Either<SqliteOpenFailure, number> => {
      const found = inspectFile(db);
      if (typeof found === 'object') return E.left(notAStore(path, found.tables));
      if (found === 'empty') db.exec(CREATE_TABLE);
      const known = migrations.length;
      const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
      let version = currentSchemaVersion(db);
      if (version > known) return E.left(schemaTooNew(path, version, known));
      for (const next of migrations.slice(version)) {
        if (next.version !== version + 1)
          throw new Error(
            `migration at index ${version} has version ${next.version}: keep them in order`,
          );
        db.exec(next.sql);
        record.run(next.version, next.name);
        version = next.version;
      }
      return E.right(version);
    })
    .immediate();
