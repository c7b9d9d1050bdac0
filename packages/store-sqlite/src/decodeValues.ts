import * as E from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { GENESIS_HASH, JsonValueCodec, type JsonValue, type LogHead } from '@strive/eventlog';

const corrupt = (what: string, why: string): Error =>
  new Error(`${what} is corrupt (${why}); restore the file from a backup`);

/** Decodes a JSON text column with `JsonValueCodec`. Pure; throws when the stored text is corrupt. */
export const decodeJsonColumn = (text: unknown, what: string): JsonValue => {
  if (typeof text !== 'string') throw corrupt(what, 'not text');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw corrupt(what, 'not JSON');
  }
  const decoded = JsonValueCodec.decode(parsed);
  if (E.isLeft(decoded)) throw corrupt(what, PathReporter.report(decoded).join('; '));
  return decoded.right;
};

/** Decodes a non-negative integer column (a position or version). Pure; throws when corrupt. */
export const decodePosition = (u: unknown, what: string): number => {
  if (typeof u === 'number' && Number.isSafeInteger(u) && u >= 0) return u;
  throw corrupt(what, `${String(u)} is not a non-negative integer`);
};

/** A raw row as a read-only array of unknown cells (empty when the row is not an array). Pure. */
export const rowOf = (u: unknown): readonly unknown[] => (Array.isArray(u) ? u : []);

/** Decodes the `[global_position, hash]` row of the head query (`undefined` = empty log). Pure. */
export const decodeHead = (row: unknown): LogHead => {
  if (row === undefined) return { globalPosition: 0, hash: GENESIS_HASH };
  if (!Array.isArray(row)) throw corrupt('log head', 'unexpected row shape');
  const [globalPosition, hash] = rowOf(row);
  if (typeof hash !== 'string') throw corrupt('log head', 'hash is not text');
  return { globalPosition: decodePosition(globalPosition, 'log head'), hash };
};
