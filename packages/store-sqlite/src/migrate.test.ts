import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { appendToStream, isSealed } from '@strive/eventlog';
import { afterEach, describe, expect, it } from 'vitest';
import { currentSchemaVersion, migrate } from './migrate.js';
import {
  createSqliteEventStore,
  isSchemaTooNew,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
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
    await appendToStream(a, 's', [commitment(1)], { expectedVersion: 'any' });
    await a.close();
    const before = applied(file);
    for (let i = 0; i < 3; i++) {
      const b = createSqliteEventStore({ path: file });
      expect(await b.streamVersion('s')).toBe(1);
      await b.close();
    }
    expect(applied(file)).toEqual(before);
  });

  it('applies only the missing migrations, in order, all in one transaction', () => {
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

describe('migration 2: snapshots bound and sealed', () => {
  it('keeps a schema-1 snapshot row but never trusts it: its empty digest fails, the engine rebuilds it', async () => {
    const file = fresh();
    const db = new Database(file);
    const [first] = MIGRATIONS;
    if (first === undefined) throw new Error('no migration 1');
    db.exec(
      `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT 'x')`,
    );
    db.exec(first.sql);
    db.prepare('INSERT INTO schema_migrations (version, name) VALUES (1, ?)').run(first.name);
    db.prepare(
      "INSERT INTO snapshots (stream_id, key, stream_position, state) VALUES ('s', 'k', 3, '{\"n\":3}')",
    ).run();
    db.close();
    const store = createSqliteEventStore({ path: file });
    expect(store.settings().schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const old = await store.loadSnapshot('s', 'k');
    expect(old).toMatchObject({ streamPosition: 3, eventHash: '', digest: '', state: { n: 3 } });
    expect(old !== undefined && isSealed(old)).toBe(false);
    await store.close();
    expect(applied(file)).toHaveLength(LATEST_SCHEMA_VERSION);
  });

  it("refuses another application's file without creating anything in it", () => {
    const file = fresh();
    const db = new Database(file);
    db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY)');
    db.close();
    const r = openSqliteEventStore({ path: file });
    expect(E.isLeft(r) && r.left._tag === 'CannotOpen' && r.left.reason).toMatch(
      /not a Strive event store \(it holds users and no schema_migrations\)/,
    );
    const check = new Database(file, { readonly: true });
    const names = check.prepare('SELECT name FROM sqlite_master').pluck().all();
    const mode: unknown = check.pragma('journal_mode', { simple: true });
    check.close();
    expect(names).toEqual(['users']);
    expect(mode).toBe('delete');
  });

  it('opens read-only without migrating: a schema-1 file is refused, the current one read', async () => {
    const file = fresh();
    await createSqliteEventStore({ path: file }).close();
    const ro = openSqliteEventStore({ path: file, readOnly: true });
    if (E.isLeft(ro)) throw new Error(ro.left._tag);
    expect(await ro.right.head()).toMatchObject({ globalPosition: 0 });
    await expect(
      appendToStream(ro.right, 's', [commitment(1)], { expectedVersion: 'any' }),
    ).resolves.toMatchObject({
      _tag: 'Left',
    });
    await ro.right.close();
    const db = new Database(file);
    db.prepare('DELETE FROM schema_migrations WHERE version >= 2').run();
    db.close();
    const old = openSqliteEventStore({ path: file, readOnly: true });
    expect(E.isLeft(old) && old.left._tag === 'CannotOpen' && old.left.reason).toMatch(
      /schema version 1 is older than the oldest this release reads \(2\), and a read-only open never migrates/,
    );
  });
});
