import Database from 'better-sqlite3';

/** A hand-written baseline: one events table, WAL, synchronous=NORMAL, prepared statements. */
export interface RawStore {
  readonly db: Database.Database;
  /** Inserts one row per event; `rows` is [eventId, streamId, streamPosition, data, metadata]. */
  readonly insert: Database.Statement;
  readonly close: () => void;
}

const COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';

/** Opens the baseline database at `path` with the same table shape as Strive's. Does I/O. */
export const openRaw = (path: string): RawStore => {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
    stream_position INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL,
    data TEXT NOT NULL, metadata TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
    UNIQUE (stream_id, stream_position))`);
  return {
    db,
    insert: db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    close: () => db.close(),
  };
};

/** The column list used by the baseline's reads, data and metadata at indexes 6 and 7. */
export const RAW_COLUMNS = COLUMNS;
