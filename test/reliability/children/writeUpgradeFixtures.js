// Writes the old-schema fixtures of the upgrade test from the golden Zhengzhou log:
// - test/fixtures/sqlite-schema-v1.sql: the SQLite store has a single migration, so this is written by
//   hand: the schema of migration 1 exactly as the store creates it (frozen here as text), its
//   schema_migrations row, and one INSERT per event with canonical JSON, as the store stores them.
// - test/fixtures/postgres-schema-v1.sql (when STRIVE_PG_URL is set): made with the CURRENT store code
//   (a fresh schema, the events appended with their own ids), then downgraded to migration 1 (every
//   table but those of migration 1 dropped, later schema_migrations rows deleted) and dumped as SQL
//   with the schema name replaced by __SCHEMA__.
// Run: node test/reliability/children/writeUpgradeFixtures.js (after `npx tsc -b`).
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { appendToStream, canonicalJson } from '../../../packages/eventlog/dist/index.js';
import {
  createPostgresEventStore,
  MIGRATIONS,
} from '../../../packages/store-postgres/dist/index.js';

const at = (p) => fileURLToPath(new URL(p, import.meta.url));
const events = readFileSync(at('../../fixtures/zhengzhou-2010.events.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l));
const lit = (v) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

const SQLITE_V1 = `CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE events (
  global_position INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  stream_id TEXT NOT NULL,
  stream_position INTEGER NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (stream_id, stream_position)
);
CREATE TABLE snapshots (
  stream_id TEXT NOT NULL,
  key TEXT NOT NULL,
  stream_position INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (stream_id, key)
) WITHOUT ROWID;
CREATE TABLE projection_documents (
  projection TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (projection, key)
) WITHOUT ROWID;
CREATE TABLE projection_checkpoints (
  projection TEXT PRIMARY KEY,
  position INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'events, snapshots, projection documents and checkpoints', '2010-05-10T01:00:00.000Z');
`;

const eventInsert = (table, e) =>
  `INSERT INTO ${table} (global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash) VALUES (${[
    e.globalPosition,
    e.eventId,
    e.streamId,
    e.streamPosition,
    e.type,
    e.schemaVersion,
    canonicalJson(e.data),
    canonicalJson(e.metadata),
    e.prevHash,
    e.hash,
  ]
    .map(lit)
    .join(', ')});\n`;

writeFileSync(
  at('../../fixtures/sqlite-schema-v1.sql'),
  `-- A SQLite event store at schema version 1 holding the Zhengzhou 2010 log (see writeUpgradeFixtures.js).\n${SQLITE_V1}${events.map((e) => eventInsert('events', e)).join('')}`,
);

const url = process.env['STRIVE_PG_URL'];
if (url !== undefined && url !== '') {
  const schema = `strive_rel_fixture_${process.pid}`;
  const store = createPostgresEventStore({ connectionString: url, schema });
  try {
    await store.ready();
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const streamId = batch[0].streamId;
      const r = await appendToStream(
        store,
        streamId,
        batch.map((e) => ({
          eventId: e.eventId,
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          metadata: e.metadata,
        })),
        { expectedVersion: 'any' },
      );
      if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
      batch = [];
    };
    for (const e of events) {
      if (batch.length > 0 && batch[0].streamId !== e.streamId) await flush();
      batch.push(e);
    }
    await flush();
    const head = await store.head();
    if (head.hash !== events[events.length - 1].hash)
      throw new Error('the PostgreSQL store wrote other hashes');
    // Downgrade to migration 1.
    const rows = async (sql, params = []) => (await store.pool.query(sql, params)).rows;
    const v1 = new Set(['schema_migrations', 'log_head', 'streams', 'events']);
    for (const t of await rows(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
      [schema],
    ))
      if (!v1.has(t.table_name)) await store.pool.query(`DROP TABLE ${schema}.${t.table_name}`);
    await store.pool.query(`DELETE FROM ${schema}.schema_migrations WHERE version > 1`);
    let out = `-- A PostgreSQL event store downgraded to migration 1, holding the Zhengzhou 2010 log (see writeUpgradeFixtures.js).\n`;
    out += `CREATE SCHEMA __SCHEMA__;\nCREATE TABLE __SCHEMA__.schema_migrations (\n  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());\n`;
    out += `${MIGRATIONS[0].sql('__SCHEMA__').trim()}\n`;
    for (const m of await rows(
      `SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`,
    ))
      out += `INSERT INTO __SCHEMA__.schema_migrations (version, name, applied_at) VALUES (${m.version}, ${lit(m.name)}, '2010-05-10T01:00:00Z');\n`;
    for (const h of await rows(`SELECT global_position, hash FROM ${schema}.log_head`))
      out += `UPDATE __SCHEMA__.log_head SET global_position = ${h.global_position}, hash = ${lit(h.hash)};\n`;
    for (const s of await rows(
      `SELECT stream_id, version FROM ${schema}.streams ORDER BY stream_id`,
    ))
      out += `INSERT INTO __SCHEMA__.streams (stream_id, version) VALUES (${lit(s.stream_id)}, ${s.version});\n`;
    for (const e of await rows(
      `SELECT global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash FROM ${schema}.events ORDER BY global_position`,
    ))
      out += `INSERT INTO __SCHEMA__.events (global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash) VALUES (${[
        e.global_position,
        e.event_id,
        e.stream_id,
        e.stream_position,
        e.type,
        e.schema_version,
        e.data,
        e.metadata,
        e.prev_hash,
        e.hash,
      ]
        .map((v) => lit(v))
        .join(', ')});\n`;
    writeFileSync(at('../../fixtures/postgres-schema-v1.sql'), out);
  } finally {
    await store.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await store.close();
  }
}
