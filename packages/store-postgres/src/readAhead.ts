import type { ReadStreamOptions, StoredEvent, StreamTail } from '@strive/eventlog';
import type { QueryResult } from 'pg';
import { decodeEventRow, EVENT_ROW_COLUMNS } from './decodeEventRow.js';

/** Rows read ahead per tail; a longer tail is read again the usual way, in pages. */
const READ_AHEAD_LIMIT = 1_000;

/** Tails read with a stream lock, by stream id: consumed by the first matching `readStream`. */
export type ReadAhead = Map<string, { readonly from: number; readonly events: StoredEvent[] }>;

/**
 * The tails a read ahead can answer: a valid stream id (`valid`) and a position that is a safe integer
 * >= 1. Pure.
 */
export const readableTails = (
  tails: readonly StreamTail[],
  valid: (streamId: string) => boolean,
): StreamTail[] =>
  tails.filter(
    (t) =>
      typeof t.streamId === 'string' &&
      valid(t.streamId) &&
      Number.isSafeInteger(t.from) &&
      t.from >= 1,
  );

/**
 * The statements reading `tails` in schema `schema` (validated), one per tail, each stream id quoted
 * by `quote` (the connection's `escapeLiteral`); tails with a position that is not a safe integer >= 1
 * or an invalid stream id (`valid`) are left out. Pure.
 */
export const readAheadSql = (
  schema: string,
  tails: readonly StreamTail[],
  quote: (text: string) => string,
  valid: (streamId: string) => boolean,
): { readonly tails: readonly StreamTail[]; readonly sql: string } => {
  const kept = readableTails(tails, valid);
  const sql = kept
    .map(
      (t) => `SELECT ${EVENT_ROW_COLUMNS} FROM ${schema}.events
  WHERE stream_key = sha256(convert_to(${quote(t.streamId)}, 'UTF8')) AND stream_position >= ${t.from}
  ORDER BY stream_position LIMIT ${READ_AHEAD_LIMIT};`,
    )
    .join(' ');
  return { tails: kept, sql };
};

/**
 * The tails read by the last `tails.length` results of a multi-statement query (array rows), those
 * cut at `READ_AHEAD_LIMIT` left out. Pure; throws on a malformed row, as every read does.
 */
export const readAheadResults = (
  tails: readonly StreamTail[],
  results: readonly QueryResult<unknown[]>[],
): ReadAhead => {
  const ahead: ReadAhead = new Map();
  const first = results.length - tails.length;
  tails.forEach((tail, i) => {
    const rows = results[first + i]?.rows;
    if (rows === undefined || rows.length >= READ_AHEAD_LIMIT) return;
    ahead.set(tail.streamId, {
      from: tail.from,
      events: rows.map((r) => decodeEventRow(r, false)),
    });
  });
  return ahead;
};

/**
 * The events read ahead for `readStream(streamId, options)` when they answer it exactly (a forward
 * read from the same position, no other option), taken out of `ahead`; else `undefined`. Impure
 * (consumes the entry: a second read of the stream, after an append say, asks the server).
 */
export const takeReadAhead = (
  ahead: ReadAhead | undefined,
  streamId: string,
  options: ReadStreamOptions | undefined,
): StoredEvent[] | undefined => {
  const entry = ahead?.get(streamId);
  if (entry === undefined || options === undefined) return undefined;
  const { from, to, direction, batchSize } = options;
  if (from !== entry.from || to !== undefined || batchSize !== undefined) return undefined;
  if (direction !== undefined && direction !== 'forward') return undefined;
  ahead?.delete(streamId);
  return entry.events;
};
