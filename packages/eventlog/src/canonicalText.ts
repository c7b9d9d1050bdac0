import { canonicalJson } from './canonicalJson.js';
import type { JsonValue } from './json.js';

/**
 * Whether `JSON.stringify` of a value already writes RFC 8785 text: every number finite and every
 * object's keys enumerated in canonical order (sorted by UTF-16 code units; JavaScript enumerates
 * array-index keys first, so an object with such keys out of order fails here).
 */
const isArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

const ordered = (v: JsonValue, depth: number): boolean => {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object' || v === null) return true;
  if (depth > 64) return false;
  if (isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!ordered(v[i] ?? null, depth + 1)) return false;
    return true;
  }
  // `for...in` rather than `Object.keys`: no array per object (a third of this walk's time). It also
  // lists inherited enumerable keys, after the own ones; such a key can only make the answer false
  // (then `canonicalJson` writes the text), never hide an own key out of order.
  let previous: string | undefined;
  for (const k in v) {
    if (previous !== undefined && !(previous < k)) return false;
    previous = k;
    if (!ordered(v[k] ?? null, depth + 1)) return false;
  }
  return true;
};

/**
 * Whether `JSON.stringify(value)` is already its RFC 8785 text: every number finite, every object's
 * keys enumerated in canonical order (true of values parsed from canonical text). Pure.
 * @example isInCanonicalOrder({ a: 1, b: 2 }) // true; isInCanonicalOrder({ b: 1, a: 2 }) // false
 */
export const isInCanonicalOrder = (value: JsonValue): boolean => ordered(value, 0);

/**
 * RFC 8785 (JCS) text of a JSON value, as `canonicalJson` gives it, quicker for the values a log is
 * read back into: text parsed from canonical JSON keeps its keys in canonical order, and then
 * `JSON.stringify` (native) writes exactly the canonical text (JCS writes strings and numbers as
 * `JSON.stringify` does); any other value goes through `canonicalJson`. A property test holds the two
 * equal. Pure.
 * @example canonicalText(JSON.parse('{"a":1,"b":[2]}')) // '{"a":1,"b":[2]}'
 */
export const canonicalText = (value: JsonValue): string =>
  ordered(value, 0) ? JSON.stringify(value) : canonicalJson(value);
