import {
  canonicalJson,
  type JsonValue,
  type StoredEvent,
} from '../../../packages/eventlog/src/index.js';
import { flipChar, forgedAt, type Edit } from './tamperEdits.js';

/** Runs one SQL statement (`?` placeholders) on a raw connection and returns its rows. */
export type Query = (sql: string, params?: readonly unknown[]) => Promise<readonly unknown[]>;

const COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';

/** A column of a raw row. Pure. */
const columnOf = (u: unknown, column: string): unknown => {
  if (typeof u !== 'object' || u === null) return undefined;
  const v: unknown = Reflect.get(u, column);
  return v;
};

const textOf = (u: unknown, column: string): string => {
  const v = columnOf(u, column);
  if (typeof v !== 'string') throw new Error(`row has no text column ${column}`);
  return v;
};

const stringAt = (o: Record<string, JsonValue>, key: string): string => {
  const v = o[key];
  if (typeof v !== 'string') throw new Error(`${key} is not a string`);
  return v;
};

const parsedObject = (text: string): Record<string, JsonValue> => {
  const v: unknown = JSON.parse(text);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
  return Object.fromEntries(Object.entries(v));
};

const insertRow = (q: Query, table: string, e: StoredEvent): Promise<readonly unknown[]> =>
  q(`INSERT INTO ${table} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
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
  ]);

const swapPositions = async (q: Query, table: string, a: number, b: number): Promise<void> => {
  await q(`UPDATE ${table} SET global_position = -1 WHERE global_position = ?`, [a]);
  await q(`UPDATE ${table} SET global_position = ? WHERE global_position = ?`, [a, b]);
  await q(`UPDATE ${table} SET global_position = ? WHERE global_position = -1`, [b]);
};

/** Moves every position >= `from` by `delta` (+1 or -1) without tripping the primary key. */
const shift = async (q: Query, table: string, from: number, delta: number): Promise<void> => {
  await q(
    `UPDATE ${table} SET global_position = -(global_position + ?) WHERE global_position >= ?`,
    [delta, from],
  );
  await q(`UPDATE ${table} SET global_position = -global_position WHERE global_position < 0`);
};

/**
 * Applies an edit straight to a store's `events` table (same edits as `applyEdit`, positions 1-based)
 * and returns the statements that undo it. `rows` is the untouched log. Does I/O.
 */
export const tamperTable = async (
  q: Query,
  table: string,
  rows: readonly StoredEvent[],
  e: Edit,
): Promise<() => Promise<void>> => {
  const g = e.i + 1;
  const original = rows[e.i];
  if (original === undefined) throw new Error(`no row ${e.i}`);
  switch (e.kind) {
    case 'flipData':
    case 'flipMetadata': {
      const column = e.kind === 'flipData' ? 'data' : 'metadata';
      const [row] = await q(`SELECT ${column} FROM ${table} WHERE global_position = ?`, [g]);
      const before = textOf(row, column);
      const o = parsedObject(before);
      const key = e.kind === 'flipData' ? 'text' : 'at';
      const edited = { ...o, [key]: flipChar(stringAt(o, key), e.at, e.bit) };
      await q(`UPDATE ${table} SET ${column} = ? WHERE global_position = ?`, [
        canonicalJson(edited),
        g,
      ]);
      return async () => {
        await q(`UPDATE ${table} SET ${column} = ? WHERE global_position = ?`, [before, g]);
      };
    }
    case 'delete':
      await q(`DELETE FROM ${table} WHERE global_position = ?`, [g]);
      return async () => {
        await insertRow(q, table, original);
      };
    case 'reorder':
    case 'swap':
      await swapPositions(q, table, g, e.j + 1);
      return () => swapPositions(q, table, g, e.j + 1);
    case 'insert': {
      await shift(q, table, g, 1);
      const forged = forgedAt(rows, e.i);
      await insertRow(q, table, forged);
      return async () => {
        await q(`DELETE FROM ${table} WHERE event_id = ?`, [forged.eventId]);
        await shift(q, table, g + 1, -1);
      };
    }
  }
};

/** Where the n-th row (0-based) of the table now is, as `verify` would name it. Does I/O. */
export const rowLocation = async (
  q: Query,
  table: string,
  index: number,
): Promise<{ globalPosition: number; streamId: string; streamPosition: number }> => {
  const [row] = await q(
    `SELECT global_position AS g, stream_id AS s, stream_position AS p FROM ${table} ORDER BY global_position LIMIT 1 OFFSET ?`,
    [index],
  );
  if (row === undefined) throw new Error(`no row at index ${index}`);
  return {
    globalPosition: Number(columnOf(row, 'g')),
    streamId: String(columnOf(row, 's')),
    streamPosition: Number(columnOf(row, 'p')),
  };
};
