import type { Database, Statement } from 'better-sqlite3';
import type { StoredRow } from '@strive/eventlog/adapter';
import { EVENT_COLUMNS } from './decodeEventRow.js';
import { insertRows } from './insertRows.js';

/** The paginated reads: one stream forward or backward (by stream position), the log (by global position). */
type PageKind = 'forward' | 'backward' | 'all';

const PAGE_SQL: Record<PageKind, string> = {
  forward: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_position >= ?
       AND stream_position <= ? ORDER BY stream_position LIMIT `,
  backward: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_position >= ?
       AND stream_position <= ? ORDER BY stream_position DESC LIMIT `,
  all: `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ?
       ORDER BY global_position LIMIT `,
};

/** `EVENT_COLUMNS` of the `events` table aliased `e`. */
const LAST_EVENT_COLUMNS = EVENT_COLUMNS.split(', ')
  .map((c) => `e.${c}`)
  .join(', ');

/** Distinct page statements kept per connection; past this the memory starts over. */
const MAX_PAGE_STATEMENTS = 32;

/**
 * Prepares paginated reads with their batch size written into the SQL: SQLite runs a short query
 * with a literal `LIMIT` about 10 us faster than with a bound `LIMIT ?` (measured on a 10-row
 * stream, 24 vs 35 us), which is most of a command's read. Does I/O (prepares).
 */
const pageQuery = (db: Database): ((kind: PageKind, batchSize: number) => Statement) => {
  const prepared = new Map<string, Statement>();
  return (kind, batchSize) => {
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batch size must be a positive integer (got ${batchSize})`);
    const key = `${kind}${batchSize}`;
    let st = prepared.get(key);
    if (st === undefined) {
      if (prepared.size >= MAX_PAGE_STATEMENTS) prepared.clear();
      st = db.prepare(`${PAGE_SQL[kind]}${batchSize}`).raw(true);
      prepared.set(key, st);
    }
    return st;
  };
};

/** Every statement the store runs, prepared once per connection. */
export interface Statements {
  readonly head: Statement;
  readonly dataVersion: Statement;
  readonly streamVersion: Statement;
  readonly eventById: Statement;
  /** The last event of each stream named in a JSON array of stream ids (see `readLastEvents`). */
  readonly lastEvents: Statement;
  /** Inserts planned rows, several per statement; false when an event id was stored already. */
  readonly insertRows: (rows: readonly StoredRow[]) => boolean;
  /** The keyset query of a paginated read, prepared once per batch size (see `pageQuery`). */
  readonly page: (kind: PageKind, batchSize: number) => Statement;
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
    // One index seek per id for its last position, one for its row.
    lastEvents: raw(
      `SELECT ${LAST_EVENT_COLUMNS} FROM json_each(?) AS ids JOIN events AS e
       ON e.stream_id = ids.value AND e.stream_position =
         (SELECT max(stream_position) FROM events WHERE stream_id = ids.value)`,
    ),
    insertRows: insertRows(db),
    page: pageQuery(db),
    loadSnapshot: raw(
      `SELECT stream_position, state, event_hash, digest FROM snapshots
       WHERE stream_id = ? AND key = ?`,
    ),
    saveSnapshot: db.prepare(
      `INSERT INTO snapshots (stream_id, key, stream_position, state, event_hash, digest)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (stream_id, key) DO UPDATE SET stream_position = excluded.stream_position,
       state = excluded.state, event_hash = excluded.event_hash, digest = excluded.digest`,
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
