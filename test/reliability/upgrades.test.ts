import {
  appendToStream,
  type EventStore,
  type StoredEvent,
  verify,
} from '../../packages/eventlog/src/index.js';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS as PG_MIGRATIONS } from '../../packages/store-postgres/src/index.js';
import {
  createSqliteEventStore,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
} from '../../packages/store-sqlite/src/index.js';
import { migrate } from '../../packages/store-sqlite/src/migrate.js';
import { stateOf } from './children/stateOfLog.js';
import { assertBuilt, fixture, tempDir } from './support/paths.js';
import { describePg } from './support/pgEnv.js';
import { openRawSqlite } from './support/rawSqlite.js';

const isGolden = (u: unknown): u is { events: number; headHash: string; stateHash: string } =>
  typeof u === 'object' && u !== null && 'events' in u && 'headHash' in u && 'stateHash' in u;

const golden = (): { events: number; headHash: string; stateHash: string } => {
  const g: unknown = JSON.parse(readFileSync(fixture('zhengzhou-2010.state.json'), 'utf8'));
  if (!isGolden(g)) throw new Error('zhengzhou-2010.state.json is malformed');
  return g;
};

/** Replays an upgraded store: chain verified, state hash as recorded, and it still takes appends. */
const replayUpgraded = async (store: EventStore): Promise<string> => {
  const g = golden();
  expect(await verify(store)).toEqual({
    _tag: 'ChainVerified',
    events: g.events,
    headHash: g.headHash,
  });
  const events: StoredEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  const { stateHash } = stateOf(events);
  expect(stateHash).toBe(g.stateHash);
  const next = await appendToStream(
    store,
    'after-upgrade',
    [{ type: 'Appended', data: { ok: true }, metadata: { at: '2013-01-05T09:00:00+08:00' } }],
    { expectedVersion: 'no-stream' },
  );
  expect(next._tag).toBe('Right');
  expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: g.events + 1 });
  return stateHash;
};

/** A file's tables, indexes and their DDL (whitespace collapsed), to compare an upgraded file with a new one. */
const schemaOf = (path: string): unknown => {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((row) => JSON.stringify(row).replace(/(\\n|\s)+/g, ' '));
  } finally {
    db.close();
  }
};

/** A file at schema version 1 holding the Zhengzhou log, from the hand-written fixture. */
const writeV1 = (path: string): void => {
  const raw = openRawSqlite(path);
  raw.exec(readFileSync(fixture('sqlite-schema-v1.sql'), 'utf8'));
  raw.close();
};

describe('upgrading a SQLite store written at schema version 1', () => {
  const dir = tempDir();
  beforeAll(() => assertBuilt());
  afterAll(() => dir.remove());

  it('opens, migrates to the latest schema (the tables of a new file) and replays the Zhengzhou log to the recorded state', async () => {
    const path = dir.file('v1.db');
    writeV1(path);
    const versionOf = (): unknown => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get();
      } finally {
        db.close();
      }
    };
    expect(versionOf()).toEqual({ v: 1 });
    const store = createSqliteEventStore({ path });
    try {
      expect(store.settings().schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(versionOf()).toEqual({ v: LATEST_SCHEMA_VERSION });
      // Upgraded, the file has exactly what a file this release creates has.
      const fresh = dir.file('fresh.db');
      await createSqliteEventStore({ path: fresh }).close();
      expect(schemaOf(path)).toEqual(schemaOf(fresh));
      const hash = await replayUpgraded(store);
      console.log(
        `upgrades, SQLite: fixture at schema 1 (hand-written; the store has ${LATEST_SCHEMA_VERSION} migration(s), so ${LATEST_SCHEMA_VERSION - 1} applied on open) opened at schema ${store.settings().schemaVersion} with a new file's tables, ${golden().events} events verified, state hash ${hash.slice(0, 12)}… as recorded, appends continue the chain`,
      );
    } finally {
      await store.close();
    }
  });

  it('applies later migrations to a schema-1 file holding the log, once each, its rows intact', () => {
    // This release has one migration, so a real upgrade of this file runs none; two made-up later
    // ones show the path a future migration takes through a file full of events.
    const later: Migration[] = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'test: an index on event types',
        sql: 'CREATE INDEX events_by_type ON events (type)',
      },
      {
        version: LATEST_SCHEMA_VERSION + 2,
        name: 'test: a column on events',
        sql: 'ALTER TABLE events ADD COLUMN note TEXT',
      },
    ];
    const path = dir.file('v1-later.db');
    writeV1(path);
    const db = new Database(path);
    try {
      const rows = (): unknown =>
        db.prepare('SELECT global_position, hash FROM events ORDER BY global_position').all();
      const before = rows();
      expect(migrate(db, path, later)).toEqual({ _tag: 'Right', right: LATEST_SCHEMA_VERSION + 2 });
      expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
        later.map((m) => ({ version: m.version })),
      );
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE name = 'events_by_type'").get(),
      ).toEqual({
        name: 'events_by_type',
      });
      expect(db.prepare('SELECT COUNT(*) AS n FROM events WHERE note IS NULL').get()).toEqual({
        n: golden().events,
      });
      expect(rows()).toEqual(before);
      expect(migrate(db, path, later)).toEqual({ _tag: 'Right', right: LATEST_SCHEMA_VERSION + 2 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({
        n: later.length,
      });
    } finally {
      db.close();
    }
  });
});

describePg('upgrading a PostgreSQL store downgraded to migration 1', (pg) => {
  it(`migrates 1 -> ${PG_MIGRATIONS.length} and replays the Zhengzhou log to the recorded state`, async () => {
    assertBuilt();
    const store = pg.store();
    const sql = readFileSync(fixture('postgres-schema-v1.sql'), 'utf8').replaceAll(
      '__SCHEMA__',
      store.schema,
    );
    await store.pool.query(sql);
    const before = await store.pool.query<{ v: number }>(
      `SELECT max(version) AS v FROM ${store.schema}.schema_migrations`,
    );
    expect(before.rows[0]?.v).toBe(1);
    await store.ready();
    const after = await store.pool.query<{ v: number }>(
      `SELECT max(version) AS v FROM ${store.schema}.schema_migrations`,
    );
    expect(after.rows[0]?.v).toBe(PG_MIGRATIONS.length);
    const hash = await replayUpgraded(store);
    console.log(
      `upgrades, PostgreSQL: fixture at migration 1 (made with the current store, then downgraded) migrated to ${PG_MIGRATIONS.length}, ${golden().events} events verified, state hash ${hash.slice(0, 12)}… as recorded, appends continue the chain`,
    );
  });
});
