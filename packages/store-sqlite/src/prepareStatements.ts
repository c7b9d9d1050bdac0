import type { Database, Statement } from 'better-sqlite3';
import { EVENT_COLUMNS } from './decodeEventRow.js';

/** Every statement the store runs, prepared once per connection. */
export interface Statements {
  readonly head: Statement;
  readonly dataVersion: Statement;
  readonly streamVersion: Statement;
  readonly eventById: Statement;
  readonly insertEvent: Statement;
  readonly streamForward: Statement;
  readonly streamBackward: Statement;
  readonly all: Statement;
  readonly loadSnapshot: Statement;
  readonly saveSnapshot: Statement;
  readonly readDocument: Statement;
  readonly readDocuments: Statement;
  readonly readDocumentsFirst: Statement;
  readonly upsertDocument: Statement;
  readonly deleteDocument: Statement;
  readonly deleteDocuments: Statement;
  readonly readCheckpoint: Statement;
  readonly writeCheckpoint: Statement;
  readonly deleteCheckpoint: Statement;
}

/**
 * Prepares the store's statements on a migrated connection. Reads return raw arrays (columns in
 * `EVENT_COLUMNS` order for events) or single values, which callers decode. Does I/O.
 */
export const prepareStatements = (db: Database): Statements => {
  const raw = (sql: string): Statement => db.prepare(sql).raw(true);
  const pluck = (sql: string): Statement => db.prepare(sql).pluck(true);
  return {
    dataVersion: pluck('PRAGMA data_version'),
    head: raw('SELECT global_position, hash FROM events ORDER BY global_position DESC LIMIT 1'),
    streamVersion: pluck(
      'SELECT stream_position FROM events WHERE stream_id = ? ORDER BY stream_position DESC LIMIT 1',
    ),
    eventById: raw(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ?`),
    insertEvent: db.prepare(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (event_id) DO NOTHING`,
    ),
    streamForward: raw(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_position >= ?
       AND stream_position <= ? ORDER BY stream_position LIMIT ?`,
    ),
    streamBackward: raw(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_position >= ?
       AND stream_position <= ? ORDER BY stream_position DESC LIMIT ?`,
    ),
    all: raw(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ?
       ORDER BY global_position LIMIT ?`,
    ),
    loadSnapshot: raw(
      'SELECT stream_position, state FROM snapshots WHERE stream_id = ? AND key = ?',
    ),
    saveSnapshot: db.prepare(
      `INSERT INTO snapshots (stream_id, key, stream_position, state) VALUES (?, ?, ?, ?)
       ON CONFLICT (stream_id, key) DO UPDATE SET stream_position = excluded.stream_position,
       state = excluded.state`,
    ),
    readDocument: pluck('SELECT value FROM projection_documents WHERE projection = ? AND key = ?'),
    readDocuments: raw(
      `SELECT key, value FROM projection_documents WHERE projection = ? AND key > ?
       ORDER BY key LIMIT ?`,
    ),
    readDocumentsFirst: raw(
      'SELECT key, value FROM projection_documents WHERE projection = ? ORDER BY key LIMIT ?',
    ),
    upsertDocument: db.prepare(
      `INSERT INTO projection_documents (projection, key, value) VALUES (?, ?, ?)
       ON CONFLICT (projection, key) DO UPDATE SET value = excluded.value`,
    ),
    deleteDocument: db.prepare('DELETE FROM projection_documents WHERE projection = ? AND key = ?'),
    deleteDocuments: db.prepare('DELETE FROM projection_documents WHERE projection = ?'),
    readCheckpoint: pluck('SELECT position FROM projection_checkpoints WHERE projection = ?'),
    writeCheckpoint: db.prepare(
      `INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?)
       ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
    ),
    deleteCheckpoint: db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?'),
  };
};
