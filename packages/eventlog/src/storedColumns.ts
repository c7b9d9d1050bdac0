import type { EventMetadata } from './EventEnvelope.js';
import { isJsonValue, MAX_DECODE_DEPTH } from './JsonValueCodec.js';
import type { JsonValue } from './json.js';

const METADATA_IDS = ['commandId', 'causationId', 'correlationId', 'commandDigest'] as const;
const METADATA_KEYS = new Set<string>(['at', 'actor', ...METADATA_IDS]);

const HEX_DIGIT = new Uint8Array(128);
for (const c of '0123456789abcdef') HEX_DIGIT[c.charCodeAt(0)] = 1;

/**
 * Whether `u` is a string matching `/^[0-9a-f]{64}$/` (a SHA-256 in lowercase hex), by a table
 * lookup per char code: on the fresh strings of each stored row it takes about half the time of the
 * regex test. Both stores check `hash` and `prevHash` of every row they read with it. Pure.
 * @example isHex64('ab'.repeat(32)) // true
 */
export const isHex64 = (u: unknown): u is string => {
  if (typeof u !== 'string' || u.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = u.charCodeAt(i);
    if (c > 127 || HEX_DIGIT[c] !== 1) return false;
  }
  return true;
};

/**
 * A stored JSON text column parsed, or `undefined` when it is not text or not JSON (the store's
 * general decoding path then reports it). Pure.
 */
export const parseJsonColumn = (u: unknown): unknown => {
  if (typeof u !== 'string') return undefined;
  try {
    return JSON.parse(u);
  } catch {
    return undefined;
  }
};

/**
 * Text shorter than this cannot nest deeper than `JsonValueCodec` follows (each level takes an
 * opening and a closing bracket), so its `JSON.parse` output needs no walk: `JSON.parse` yields
 * only null, booleans, finite numbers, strings, dense arrays and plain objects.
 */
const SHALLOW_TEXT = 2 * (MAX_DECODE_DEPTH + 1);

/**
 * Whether `parsed`, part of what `JSON.parse(text)` gave, is a JSON value as `JsonValueCodec` decodes
 * it: walked only when the text could nest too deep, or when there is no such text (`undefined`: any
 * value, walked). Pure.
 * @example isParsedJson(line, JSON.parse(line).data) // true without a walk for a short line
 */
export const isParsedJson = (text: string | undefined, parsed: unknown): parsed is JsonValue =>
  (text !== undefined && text.length < SHALLOW_TEXT) || isJsonValue(parsed);

/**
 * A stored data column as `JsonValueCodec` decodes it: parsed, and walked only when the text is long
 * enough to nest too deep; `undefined` when it is not text, not JSON or too deep. Pure.
 */
export const parseJsonDataColumn = (u: unknown): JsonValue | undefined => {
  if (typeof u !== 'string') return undefined;
  const data = parseJsonColumn(u);
  return data !== undefined && isParsedJson(u, data) ? data : undefined;
};

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const isMetadata = (u: Readonly<Record<string, unknown>>): u is EventMetadata => {
  if (typeof u['at'] !== 'string') return false;
  for (const k of METADATA_IDS) {
    const v = u[k];
    if (v !== undefined && typeof v !== 'string') return false;
  }
  const actor = u['actor'];
  if (actor === undefined) return true;
  if (!isObject(actor) || typeof actor['id'] !== 'string' || typeof actor['role'] !== 'string')
    return false;
  for (const k in actor) if (k !== 'id' && k !== 'role') return false;
  return true;
};

/**
 * Parsed stored metadata (see `parseJsonColumn`) in the shape stores write (`at`, an optional
 * `actor { id, role }` and id strings, nothing else), returned as it is: nothing to strip. Anything
 * else is `undefined`, for `EventMetadataCodec` to decide (it strips unknown keys, or refuses). Pure.
 */
export const storedMetadata = (u: unknown): EventMetadata | undefined => {
  if (!isObject(u)) return undefined;
  for (const k in u) if (!METADATA_KEYS.has(k)) return undefined;
  return isMetadata(u) ? u : undefined;
};
