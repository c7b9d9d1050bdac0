import * as E from 'fp-ts/lib/Either.js';
import { type EventMetadata, EventMetadataCodec, type StoredEvent } from '@strive/eventlog';
import {
  isHex64,
  parseJsonColumn,
  parseJsonDataColumn,
  storedMetadata,
  type StoredRow,
} from '@strive/eventlog/adapter';
import type { CustomTypesConfig } from 'pg';

/** The columns `decodeEventRow` reads, in this order (select them with `rowMode: 'array'`). */
export const EVENT_ROW_COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';

/** The server's text of a cell, unchanged. */
const asText = (value: string): string => value;

/**
 * Query `types` that leave every column of an events row as the server's text (`decodeEventRow`
 * checks and converts them itself): node-postgres would otherwise run its int8 parser (a regex test
 * per bigint cell) and `parseInt` on integers, and a pool whose global parsers were changed (int8 as
 * `BigInt`, say) could not be read. Pass with `rowMode: 'array'`.
 */
export const EVENT_ROW_TYPES: CustomTypesConfig = { getTypeParser: () => asText };

/** A bigint/integer column (node-postgres gives int8 as text) that must be a safe integer >= 1. */
const positive = (u: unknown): number | undefined => {
  const n = typeof u === 'number' ? u : typeof u === 'string' && u.length <= 16 ? Number(u) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
};

/**
 * Metadata as `EventMetadataCodec` decodes it: the common shape is checked by hand and kept as
 * parsed; anything else goes through the codec (which strips unknown keys, or refuses). Pure.
 */
const metadataOf = (u: unknown): EventMetadata | undefined => {
  const plain = storedMetadata(u);
  if (plain !== undefined) return plain;
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
  const data = parseJsonDataColumn(dataJson);
  const metadata = metadataOf(parseJsonColumn(metadataJson));
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
    !isHex64(prevHash) ||
    !isHex64(hash) ||
    metadata === undefined ||
    data === undefined
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
