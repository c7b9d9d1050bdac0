import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { JsonValueCodec, StoredEventCodec, type StoredRow } from '@strive/eventlog';

/** io-ts codec of a PostgreSQL bigint/integer column (node-postgres returns int8 as a string). */
export const PgInt = new t.Type<number, number, unknown>(
  'PgInt',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u),
  (u, c) => {
    if (typeof u === 'number' && Number.isSafeInteger(u)) return t.success(u);
    if (typeof u === 'string' && /^-?\d{1,16}$/.test(u) && Number.isSafeInteger(Number(u)))
      return t.success(Number(u));
    return t.failure(u, c, 'not a safe integer');
  },
  (n) => n,
);

/** io-ts codec of a text column holding JSON: decodes to the parsed value. */
export const JsonText = new t.Type<unknown, string, unknown>(
  'JsonText',
  (_u): _u is unknown => true,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c, 'not text');
    try {
      return t.success(JSON.parse(u));
    } catch {
      return t.failure(u, c, 'not JSON');
    }
  },
  (v) => JSON.stringify(v),
);

/** io-ts codec of a text column holding a JSON document: decodes to a `JsonValue`. */
export const JsonValueText = JsonText.pipe(JsonValueCodec, 'JsonValueText');

/** io-ts codec of one row of the events table. */
export const EventRowCodec = t.strict({
  global_position: PgInt,
  event_id: t.string,
  stream_id: t.string,
  stream_position: PgInt,
  type: t.string,
  schema_version: PgInt,
  data: t.string,
  metadata: t.string,
  prev_hash: t.string,
  hash: t.string,
});

/** The columns `EventRowCodec` decodes, for SELECT lists. */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';

/**
 * Turns a decoded events row into a stored event with its canonical JSON, checking the envelope with
 * `StoredEventCodec` (a row that does not fit throws: the table was changed behind the store's back). Pure.
 */
export const toStoredRow = (row: t.TypeOf<typeof EventRowCodec>): StoredRow => {
  const parse = (s: string): unknown =>
    pipe(
      JsonText.decode(s),
      E.getOrElseW(() => undefined),
    );
  const decoded = StoredEventCodec.decode({
    eventId: row.event_id,
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    globalPosition: row.global_position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: parse(row.data),
    metadata: parse(row.metadata),
    prevHash: row.prev_hash,
    hash: row.hash,
  });
  if (E.isLeft(decoded))
    throw new Error(`store-postgres: event at global position ${row.global_position} is malformed`);
  return { ...decoded.right, dataJson: row.data, metadataJson: row.metadata };
};
