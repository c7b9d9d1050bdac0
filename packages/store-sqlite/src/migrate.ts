import type { Database } from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { MIGRATIONS, type Migration } from './schemaMigrations.js';
import { schemaTooNew, type SchemaTooNew } from './SqliteOpenFailure.js';

const VersionRow = t.type({ version: t.union([t.number, t.null]) });

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
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
 * Brings the file's schema up to `migrations`: each missing migration runs once, in its own
 * `BEGIN IMMEDIATE` transaction that re-reads the version first, so processes opening the same file
 * at once apply it exactly once. A file newer than this release is refused, untouched. Does I/O;
 * may throw SQLITE_BUSY (the caller retries).
 */
export const migrate = (
  db: Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): E.Either<SchemaTooNew, number> => {
  db.exec(CREATE_TABLE);
  const known = migrations.length;
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  for (;;) {
    const step = db
      .transaction((): E.Either<SchemaTooNew, number | 'next'> => {
        const found = currentSchemaVersion(db);
        if (found > known) return E.left(schemaTooNew(path, found, known));
        const next = migrations[found];
        if (next === undefined) return E.right(found);
        if (next.version !== found + 1)
          throw new Error(
            `migration at index ${found} has version ${next.version}: keep them in order`,
          );
        db.exec(next.sql);
        record.run(next.version, next.name);
        return E.right('next');
      })
      .immediate();
    if (E.isLeft(step)) return step;
    if (step.right !== 'next') return E.right(step.right);
  }
};
