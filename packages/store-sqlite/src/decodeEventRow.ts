import * as E from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import type { StoredEvent } from '@strive/eventlog';
import type { StoredRow } from '@strive/eventlog/adapter';
import { decodeRowFast, EventRowCodec } from './EventRowCodec.js';

/** The column list every event query selects, in the order `decodeEventRow` expects. */
export const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';

const corrupt = (row: readonly unknown[], why: string): Error =>
  new Error(
    `events row at global_position ${String(row[0])} is corrupt (${why}); ` +
      'run verify on the store and restore the file from a backup',
  );

const jsonProblem = (row: readonly unknown[], i: number, name: string): string | undefined => {
  const text = row[i];
  if (typeof text !== 'string') return `${name} is not text`;
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return `${name} is not JSON`;
  }
};

/**
 * Decodes one raw `events` row (columns in `EVENT_COLUMNS` order) with `EventRowCodec`. Pure;
 * throws when the row is corrupt, which is a failure of the store, not of the caller.
 */
export const decodeStoredEvent = (u: unknown): StoredEvent => {
  const fast = decodeRowFast(u);
  if (fast !== undefined) return fast;
  const decoded = EventRowCodec.decode(u);
  if (E.isRight(decoded)) return decoded.right;
  if (!Array.isArray(u)) throw corrupt([], 'unexpected row shape');
  const row: readonly unknown[] = u;
  const why =
    jsonProblem(row, 6, 'data') ??
    jsonProblem(row, 7, 'metadata') ??
    PathReporter.report(decoded).join('; ');
  throw corrupt(row, why);
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
