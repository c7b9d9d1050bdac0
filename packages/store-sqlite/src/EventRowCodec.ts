import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { canonicalJson, type StoredEvent, StoredEventCodec } from '@strive/eventlog';
import {
  isHex64,
  parseJsonColumn,
  parseJsonDataColumn,
  storedMetadata,
} from '@strive/eventlog/adapter';

const isPositiveInt = (u: unknown): u is number =>
  typeof u === 'number' && Number.isSafeInteger(u) && u >= 1;
/** The last hash found valid: in global order a row's `prevHash` is the previous row's `hash`. */
let lastHex = '';
const isHash = (u: unknown): u is string => {
  if (u === lastHex) return true;
  if (!isHex64(u)) return false;
  lastHex = u;
  return true;
};

/** The row as the object `StoredEventCodec` decodes (the general path, and the reference). */
export const rowAsObject = (row: readonly unknown[]): Record<string, unknown> => ({
  globalPosition: row[0],
  eventId: row[1],
  streamId: row[2],
  streamPosition: row[3],
  type: row[4],
  schemaVersion: row[5],
  data: parseJsonColumn(row[6]),
  metadata: parseJsonColumn(row[7]),
  prevHash: row[8],
  hash: row[9],
});

/**
 * The common row decoded directly (the same answer as `EventRowCodec`, without io-ts' context), or
 * `undefined` for anything unusual, which the codec then decodes or reports. Pure.
 */
export const decodeRowFast = (u: unknown): StoredEvent | undefined => {
  if (!Array.isArray(u) || u.length !== 10) return undefined;
  const row: readonly unknown[] = u;
  const [globalPosition, eventId, streamId, streamPosition, type, schemaVersion] = row;
  if (
    !isPositiveInt(globalPosition) ||
    typeof eventId !== 'string' ||
    typeof streamId !== 'string' ||
    !isPositiveInt(streamPosition) ||
    typeof type !== 'string' ||
    !isPositiveInt(schemaVersion)
  )
    return undefined;
  const prevHash = row[8];
  const hash = row[9];
  if (!isHash(prevHash) || !isHash(hash)) return undefined;
  const data = parseJsonDataColumn(row[6]);
  if (data === undefined) return undefined;
  const metadata = storedMetadata(parseJsonColumn(row[7]));
  if (metadata === undefined) return undefined;
  return {
    eventId,
    streamId,
    streamPosition,
    globalPosition,
    type,
    schemaVersion,
    data,
    metadata,
    prevHash,
    hash,
  };
};

/**
 * io-ts codec of a raw `events` row (the `EVENT_COLUMNS` array) into a `StoredEvent`. It decodes
 * exactly what `StoredEventCodec` decodes from the row's fields (a property test holds them equal),
 * but checks the column types and the envelope directly: rows hold canonical JSON written by this
 * store, so the common row costs two `JSON.parse` and a few comparisons. Anything unusual (unknown
 * metadata fields to strip, a corrupt column) goes through `StoredEventCodec`, which also reports
 * the errors. Pure.
 * @example EventRowCodec.decode(statement.raw(true).get(id))
 */
export const EventRowCodec = new t.Type<StoredEvent, readonly unknown[], unknown>(
  'EventRow',
  (u): u is StoredEvent => StoredEventCodec.is(u),
  (u, c) => {
    const fast = decodeRowFast(u);
    if (fast !== undefined) return t.success(fast);
    if (!Array.isArray(u)) return t.failure(u, c, 'an events row must be an array of columns');
    const general = StoredEventCodec.validate(rowAsObject(u), c);
    return E.isLeft(general) ? general : t.success(general.right);
  },
  (e) => [
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
  ],
);
