import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { currentSchemaVersion, migrate } from './migrate.js';
import {
  createSqliteEventStore,
  isSchemaTooNew,
  LATEST_SCHEMA_VERSION,
  openSqliteEventStore,
  SqliteOpenError,
  type Migration,
} from './index.js';
import { commitment, tempDir } from './testSupport/fixtures.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
const fresh = (): string => {
  const t = tempDir();
  cleanups.push(t.remove);
  return t.file;
};
const applied = (file: string): unknown[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
  } finally {
    db.close();
  }
};

describe('schema migrations', () => {
  it('creates every table on a fresh file and records each migration once', async () => {
    const file = fresh();
    const store = createSqliteEventStore({ path: file });
    expect(store.settings().schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
    expect(applied(file)).toHaveLength(LATEST_SCHEMA_VERSION);
    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    db.close();
    expect(tables).toEqual([
      'events',
      'projection_checkpoints',
      'projection_documents',
      'schema_migrations',
      'snapshots',
    ]);
  });

  it('reopens a file without re-applying anything and keeps its events', async () => {
    const file = fresh();
    const a = createSqliteEventStore({ path: file });
    await a.append('s', [commitment(1)], { expectedVersion: 'any' });
    await a.close();
    const before = applied(file);
    for (let i = 0; i < 3; i++) {
      const b = createSqliteEventStore({ path: file });
      expect(await b.streamVersion('s')).toBe(1);
      await b.close();
    }
    expect(applied(file)).toEqual(before);
  });

  it('applies only the missing migrations, in order, each in its own transaction', () => {
    const db = new Database(':memory:');
    const m = (version: number, sql: string): Migration => ({ version, name: `m${version}`, sql });
    const one = [m(1, 'CREATE TABLE a (x)')];
    expect(migrate(db, 'mem', one)).toEqual(E.right(1));
    expect(migrate(db, 'mem', [...one, m(2, 'CREATE TABLE b (y)')])).toEqual(E.right(2));
    expect(() =>
      migrate(db, 'mem', [...one, m(2, 'CREATE TABLE b (y)'), m(3, 'CREATE TABLE c (z); BOGUS')]),
    ).toThrow();
    expect(currentSchemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'c'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file whose schema is newer than this release, leaving it untouched', async () => {
    const file = fresh();
    await createSqliteEventStore({ path: file }).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(
      LATEST_SCHEMA_VERSION + 1,
      'future',
    );
    db.close();
    const before = applied(file);
    const r = openSqliteEventStore({ path: file });
    expect(E.isLeft(r) && isSchemaTooNew(r.left) && r.left).toMatchObject({
      found: LATEST_SCHEMA_VERSION + 1,
      known: LATEST_SCHEMA_VERSION,
    });
    expect(() => createSqliteEventStore({ path: file })).toThrow(SqliteOpenError);
    expect(() => createSqliteEventStore({ path: file })).toThrow(/upgrade @strive\/store-sqlite/);
    expect(applied(file)).toEqual(before);
  });

  it('reports a file that is not a database as CannotOpen', () => {
    const file = fresh();
    writeFileSync(
      file,
      'this is not a SQLite file, just text long enough to fill a header. '.repeat(2),
    );
    const r = openSqliteEventStore({ path: file });
    expect(E.isLeft(r) && r.left._tag).toBe('CannotOpen');
  });
});
