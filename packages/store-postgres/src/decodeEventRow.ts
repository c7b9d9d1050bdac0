import * as E from 'fp-ts/lib/Either.js';
import {
  EventMetadataCodec,
  JsonValueCodec,
  MAX_DECODE_DEPTH,
  type EventMetadata,
  type JsonValue,
  type StoredEvent,
  type StoredRow,
} from '@strive/eventlog';

/** The columns `decodeEventRow` reads, in this order (select them with `rowMode: 'array'`). */
export const EVENT_ROW_COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';

const HEX64 = /^[0-9a-f]{64}$/;
const META_STRINGS = ['commandId', 'causationId', 'correlationId', 'commandDigest'] as const;

/** A bigint/integer column (node-postgres gives int8 as text) that must be a safe integer >= 1. */
const positive = (u: unknown): number | undefined => {
  const n = typeof u === 'number' ? u : typeof u === 'string' && u.length <= 16 ? Number(u) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
};

/**
 * Whether parsed `data` (`undefined` when the text was not JSON) is JSON as `JsonValueCodec` decodes
 * it. `JSON.parse` only yields JSON values, so what the codec adds is its depth limit, which a text
 * shorter than two characters per level cannot reach: such texts skip the walk. Pure.
 */
const isJsonData = (data: unknown, text: string): data is JsonValue =>
  data !== undefined && (text.length < 2 * MAX_DECODE_DEPTH || JsonValueCodec.is(data));

const parse = (u: unknown): unknown => {
  if (typeof u !== 'string') return undefined;
  try {
    return JSON.parse(u);
  } catch {
    return undefined;
  }
};

const isActor = (u: unknown): boolean =>
  typeof u === 'object' &&
  u !== null &&
  Object.keys(u).length === 2 &&
  typeof Reflect.get(u, 'id') === 'string' &&
  typeof Reflect.get(u, 'role') === 'string';

/** Whether `u` has the metadata shape with only known keys of the right types (what the codec keeps as is). */
const isPlainMetadata = (u: unknown): u is EventMetadata => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  if (typeof Reflect.get(u, 'at') !== 'string') return false;
  for (const key of Object.keys(u)) {
    const v: unknown = Reflect.get(u, key);
    if (key === 'at') continue;
    if (
      key === 'actor' ? !isActor(v) : !META_STRINGS.some((k) => k === key) || typeof v !== 'string'
    )
      return false;
  }
  return true;
};

/**
 * Metadata as `EventMetadataCodec` decodes it: the common shape is checked by hand and kept as
 * parsed; anything else goes through the codec (which strips unknown keys, or refuses). Pure.
 */
const metadataOf = (u: unknown): EventMetadata | undefined => {
  if (isPlainMetadata(u)) return u;
  const decoded = EventMetadataCodec.decode(u);
  return E.isRight(decoded) ? decoded.right : undefined;
};

/**
 * Decodes one events row, selected as an array in `EVENT_ROW_COLUMNS` order, into a stored event with
 * its canonical JSON: the same checks as `StoredEventCodec` (positive safe integers, JSON data,
 * metadata shape, 64-hex hashes) in one pass without io-ts's per-field allocations. A row that does
 * not fit throws: the table was changed behind the store's back. With `withJson` the row keeps
 * `dataJson`/`metadataJson` (for `planAppend`'s idempotency comparison). Pure.
 */
export function decodeEventRow(row: readonly unknown[], withJson: true): StoredRow;
/** The same, without the canonical JSON texts (what readers get). Pure. */
export function decodeEventRow(row: readonly unknown[], withJson: false): StoredEvent;
export function decodeEventRow(
  row: readonly unknown[],
  withJson: boolean,
): StoredEvent | StoredRow {
  const [gp, eventId, streamId, sp, type, sv, dataJson, metadataJson, prevHash, hash] = row;
  const globalPosition = positive(gp);
  const streamPosition = positive(sp);
  const schemaVersion = positive(sv);
  const data = parse(dataJson);
  const metadata = metadataOf(parse(metadataJson));
  if (
    globalPosition === undefined ||
    streamPosition === undefined ||
    schemaVersion === undefined ||
    typeof eventId !== 'string' ||
    typeof streamId !== 'string' ||
    typeof type !== 'string' ||
    typeof dataJson !== 'string' ||
    typeof metadataJson !== 'string' ||
    typeof prevHash !== 'string' ||
    typeof hash !== 'string' ||
    !HEX64.test(prevHash) ||
    !HEX64.test(hash) ||
    metadata === undefined ||
    !isJsonData(data, dataJson)
  )
    throw new Error(`store-postgres: event at global position ${String(gp)} is malformed`);
  if (!withJson)
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
    dataJson,
    metadataJson,
  };
}
