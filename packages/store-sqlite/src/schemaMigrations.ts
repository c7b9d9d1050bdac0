/** One forward-only schema change, applied once, in its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Every schema change this release knows, in order; version N is at index N - 1. Never edit a
 * released migration: append a new one. Global positions are assigned by `planAppend`, so the
 * `events` key is a plain `INTEGER PRIMARY KEY` (the rowid), without AUTOINCREMENT.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, snapshots, projection documents and checkpoints',
    sql: `
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
    `,
  },
  {
    version: 2,
    name: 'snapshots bound to the event they were taken at (event hash) and sealed (digest)',
    // Older rows get '' in both: their digest never matches, so the engine rebuilds them on next load.
    sql: `
      ALTER TABLE snapshots ADD COLUMN event_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE snapshots ADD COLUMN digest TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 3,
    name: 'snapshots in a rowid table with a separate key index',
    // In a WITHOUT ROWID table a row is its own key: SQLite compares keys against whole cells, so a
    // snapshot on overflow pages (a campaign's is ~420 KB at 1M events) was read in full by every
    // probe that met it, hit or miss. The key index holds only (stream_id, key, rowid); the state
    // is read on a hit alone. State goes last, after the small columns.
    sql: `
      CREATE TABLE snapshots_v3 (
        stream_id TEXT NOT NULL,
        key TEXT NOT NULL,
        stream_position INTEGER NOT NULL,
        event_hash TEXT NOT NULL DEFAULT '',
        digest TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL
      );
      INSERT INTO snapshots_v3 (stream_id, key, stream_position, event_hash, digest, state)
        SELECT stream_id, key, stream_position, event_hash, digest, state FROM snapshots;
      DROP TABLE snapshots;
      ALTER TABLE snapshots_v3 RENAME TO snapshots;
      CREATE UNIQUE INDEX snapshots_by_key ON snapshots (stream_id, key);
    `,
  },
];

/**
 * The oldest schema version this release reads unchanged, so a read-only open accepts it without
 * migrating: version 3 changed only how snapshots are stored, not what the statements read.
 */
export const OLDEST_READABLE_SCHEMA_VERSION = 2;

/** The highest schema version this release knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
