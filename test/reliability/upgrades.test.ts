import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify, type EventStore, type StoredEvent } from '../../packages/eventlog/src/index.js';
import { MIGRATIONS } from '../../packages/store-postgres/src/index.js';
import {
  createSqliteEventStore,
  LATEST_SCHEMA_VERSION,
} from '../../packages/store-sqlite/src/index.js';
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
  const next = await store.append(
    'after-upgrade',
    [{ type: 'Appended', data: { ok: true }, metadata: { at: '2013-01-05T09:00:00+08:00' } }],
    { expectedVersion: 'no-stream' },
  );
  expect(next._tag).toBe('Right');
  expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: g.events + 1 });
  return stateHash;
};

describe('upgrading a SQLite store written at schema version 1', () => {
  const dir = tempDir();
  beforeAll(() => assertBuilt());
  afterAll(() => dir.remove());

  it('opens, migrates to the latest schema and replays the Zhengzhou log to the recorded state', async () => {
    const path = dir.file('v1.db');
    const raw = openRawSqlite(path);
    raw.exec(readFileSync(fixture('sqlite-schema-v1.sql'), 'utf8'));
    raw.close();
    const store = createSqliteEventStore({ path });
    try {
      expect(store.settings().schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      const hash = await replayUpgraded(store);
      console.log(
        `upgrades, SQLite: fixture at schema 1 (hand-written; the store has ${LATEST_SCHEMA_VERSION} migration(s)) opened at schema ${store.settings().schemaVersion}, ${golden().events} events verified, state hash ${hash.slice(0, 12)}… as recorded, appends continue the chain`,
      );
    } finally {
      await store.close();
    }
  });
});

describePg('upgrading a PostgreSQL store downgraded to migration 1', (pg) => {
  it(`migrates 1 -> ${MIGRATIONS.length} and replays the Zhengzhou log to the recorded state`, async () => {
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
    expect(after.rows[0]?.v).toBe(MIGRATIONS.length);
    const hash = await replayUpgraded(store);
    console.log(
      `upgrades, PostgreSQL: fixture at migration 1 (made with the current store, then downgraded) migrated to ${MIGRATIONS.length}, ${golden().events} events verified, state hash ${hash.slice(0, 12)}… as recorded, appends continue the chain`,
    );
  });
});
