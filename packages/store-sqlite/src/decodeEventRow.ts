import * as E from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { StoredEventCodec, type StoredEvent, type StoredRow } from '@strive/eventlog';

/** The column list every event query selects, in the order `decodeEventRow` expects. */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';

const corrupt = (row: readonly unknown[], why: string): Error =>
  new Error(
    `events row at global_position ${String(row[0])} is corrupt (${why}); ` +
      'run verify on the store and restore the file from a backup',
  );

const parseJsonColumn = (row: readonly unknown[], i: number, name: string): unknown => {
  const text = row[i];
  if (typeof text !== 'string') throw corrupt(row, `${name} is not text`);
  try {
    return JSON.parse(text);
  } catch {
    throw corrupt(row, `${name} is not JSON`);
  }
};

/**
 * Decodes one raw `events` row (columns in `EVENT_COLUMNS` order) with `StoredEventCodec`. Pure;
 * throws when the row is corrupt, which is a failure of the store, not of the caller.
 */
export const decodeStoredEvent = (u: unknown): StoredEvent => {
  if (!Array.isArray(u)) throw corrupt([], 'unexpected row shape');
  const row: readonly unknown[] = u;
  const decoded = StoredEventCodec.decode({
    globalPosition: row[0],
    eventId: row[1],
    streamId: row[2],
    streamPosition: row[3],
    type: row[4],
    schemaVersion: row[5],
    data: parseJsonColumn(row, 6, 'data'),
    metadata: parseJsonColumn(row, 7, 'metadata'),
    prevHash: row[8],
    hash: row[9],
  });
  if (E.isLeft(decoded)) throw corrupt(row, PathReporter.report(decoded).join('; '));
  return decoded.right;
};

/** `decodeStoredEvent` keeping the stored canonical JSON, for idempotency checks. Pure; throws on corruption. */
export const decodeEventRow = (u: unknown): StoredRow => {
  const event = decodeStoredEvent(u);
  const row: readonly unknown[] = Array.isArray(u) ? u : [];
  const dataJson = row[6];
  const metadataJson = row[7];
  if (typeof dataJson !== 'string' || typeof metadataJson !== 'string')
    throw corrupt(row, 'data or metadata is not text');
  return { ...event, dataJson, metadataJson };
};
