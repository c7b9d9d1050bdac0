import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { canonicalJson, isSealed, sealSnapshot, type Snapshot } from '@strive/eventlog';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import {
  createSqliteEventStore,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  openSqliteEventStore,
} from './index.js';
import { tempDir } from './testSupport/fixtures.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A campaign-sized snapshot (about 300 KB of state: many overflow pages). */
const big: Snapshot = sealSnapshot({
  streamId: 'campaign-1',
  key: 'campaign@2#abc',
  streamPosition: 9,
  eventHash: '9'.repeat(64),
  state: { members: Array.from({ length: 10_000 }, (_, i) => `member-${i}-${'x'.repeat(20)}`) },
});
const small: Snapshot = sealSnapshot({
  streamId: 'subject-1',
  key: 'subject@2#def',
  streamPosition: 2,
  eventHash: '2'.repeat(64),
  state: { n: 2 },
});

/** A store file at schema version 2 (before migration 3) holding `big` and `small`. Does I/O. */
const schema2File = (): string => {
  const t = tempDir();
  cleanups.push(t.remove);
  const db = new Database(t.file);
  db.pragma('journal_mode = WAL');
  expect(migrate(db, t.file, MIGRATIONS.slice(0, 2))).toEqual(E.right(2));
  const insert = db.prepare(
    `INSERT INTO snapshots (stream_id, key, stream_position, state, event_hash, digest)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const s of [big, small])
    insert.run(s.streamId, s.key, s.streamPosition, canonicalJson(s.state), s.eventHash, s.digest);
  db.close();
  return t.file;
};

/** The file's schema version, its snapshots table's DDL and how SQLite finds a snapshot by key. */
const layout = (file: string): { version: unknown; ddl: string; probe: string } => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get(),
      ddl: String(
        db.prepare("SELECT sql FROM sqlite_master WHERE name = 'snapshots'").pluck().get(),
      ),
      probe: db
        .prepare('EXPLAIN QUERY PLAN SELECT state FROM snapshots WHERE stream_id = ? AND key = ?')
        .all('s', 'k')
        .map((row) => JSON.stringify(row))
        .join('\n'),
    };
  } finally {
    db.close();
  }
};

describe('migration 3: snapshots in a rowid table with a separate key index', () => {
  it('migrates a schema-2 file on open, keeping its snapshots, found by the key index alone', async () => {
    const file = schema2File();
    const before = layout(file);
    expect(before.version).toBe(2);
    expect(before.ddl).toMatch(/WITHOUT ROWID/);
    expect(before.probe).toMatch(/USING PRIMARY KEY/);
    const store = createSqliteEventStore({ path: file });
    expect(store.settings().schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const loaded = await store.loadSnapshot(big.streamId, big.key);
    expect(loaded).toEqual(big);
    expect(loaded !== undefined && isSealed(loaded)).toBe(true);
    expect(await store.loadSnapshot(small.streamId, small.key)).toEqual(small);
    expect(await store.loadSnapshot(big.streamId, small.key)).toBeUndefined();
    const later = sealSnapshot({ ...big, streamPosition: 12, eventHash: 'c'.repeat(64) });
    await store.saveSnapshot(later);
    expect(await store.loadSnapshot(big.streamId, big.key)).toEqual(later);
    await store.close();
    const after = layout(file);
    expect(after.version).toBe(3);
    expect(after.ddl).not.toMatch(/WITHOUT ROWID/);
    expect(after.probe).toMatch(/USING INDEX snapshots_by_key \(stream_id=\? AND key=\?\)/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM snapshots').pluck().get()).toBe(2);
    db.close();
  });

  it('lets a read-only open read a schema-2 file as it is, without migrating it', async () => {
    const file = schema2File();
    const ro = openSqliteEventStore({ path: file, readOnly: true });
    if (E.isLeft(ro)) throw new Error(ro.left._tag);
    expect(ro.right.settings().schemaVersion).toBe(2);
    expect(await ro.right.loadSnapshot(big.streamId, big.key)).toEqual(big);
    expect(await ro.right.loadSnapshot('subject-2', small.key)).toBeUndefined();
    await ro.right.close();
    const still = layout(file);
    expect(still.version).toBe(2);
    expect(still.ddl).toMatch(/WITHOUT ROWID/);
  });
});
