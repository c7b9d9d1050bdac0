import * as E from 'fp-ts/lib/Either.js';
import type { InvalidEvent } from './errors.js';
import type { JsonValue } from './json.js';
import { serializeCanonical } from './serializeCanonical.js';
import { validateJson, type JsonLimits } from './validateJson.js';

/** A validated JSON value: a fresh copy (object keys in canonical order) and its RFC 8785 text. */
export interface CanonicalCopy {
  readonly value: JsonValue;
  readonly json: string;
}

/** Objects a walk holds in an array (searched linearly) before it moves them to a `Set`. */
const SMALL = 16;

/**
 * Walk state: shared-reference detection, the size counted as `validateJson` counts it (strings and
 * keys without their escapes: a lower bound, the text's length settles it), key kinds.
 */
interface Walk {
  /** The objects and arrays met so far, while they are few (cheaper than a `Set`). */
  readonly small: object[];
  /** The same, once there are more than `SMALL`. */
  seen: Set<object> | undefined;
  readonly limits: JsonLimits;
  chars: number;
  /** An object had a key that JavaScript enumerates before the others (an array index). */
  indexKeys: boolean;
}

const NOT_JSON = Symbol('not JSON');
type Copied = JsonValue | typeof NOT_JSON;

/** Records an object or array; false if the walk met it before (a cycle or a shared reference). */
const firstVisit = (v: object, w: Walk): boolean => {
  if (w.seen === undefined) {
    if (w.small.includes(v)) return false;
    w.small.push(v);
    if (w.small.length > SMALL) w.seen = new Set(w.small);
    return true;
  }
  const size = w.seen.size;
  return w.seen.add(v).size !== size;
};

const isPlainObject = (u: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
};

/**
 * Sorts a fresh key array in place by UTF-16 code units (`<` on strings, as `Array.prototype.sort`
 * compares), by insertion: objects have few keys, and most are already in order.
 */
const sortKeys = (keys: string[]): string[] => {
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] ?? '';
    let j = i - 1;
    while (j >= 0 && (keys[j] ?? '') > k) {
      keys[j + 1] = keys[j] ?? '';
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
};

const copyObject = (v: object, depth: number, w: Walk): Copied => {
  if (!isPlainObject(v) || Object.getOwnPropertySymbols(v).length > 0) return NOT_JSON;
  const keys = sortKeys(Object.keys(v));
  const out: Record<string, JsonValue> = {};
  w.chars += Math.max(2, keys.length + 1);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? '';
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') return NOT_JSON;
    const c = k.charCodeAt(0);
    if (c >= 48 && c <= 57) w.indexKeys = true;
    w.chars += k.length + 3;
    // An accessor has no value: it is refused as `undefined`, its getter never runs.
    const child = copy(Object.getOwnPropertyDescriptor(v, k)?.value, depth + 1, w);
    if (child === NOT_JSON) return NOT_JSON;
    out[k] = child;
  }
  return out;
};

const copy = (v: unknown, depth: number, w: Walk): Copied => {
  switch (typeof v) {
    case 'string':
      w.chars += v.length + 2;
      return w.chars <= w.limits.maxChars ? v : NOT_JSON;
    case 'number':
      w.chars += String(v).length;
      // -0 becomes 0, as it does through its JSON text.
      return Number.isFinite(v) ? v + 0 : NOT_JSON;
    case 'boolean':
      w.chars += v ? 4 : 5;
      return v;
    case 'object': {
      if (v === null) {
        w.chars += 4;
        return null;
      }
      if (depth >= w.limits.maxDepth) return NOT_JSON;
      if (!firstVisit(v, w)) return NOT_JSON;
      if (!Array.isArray(v)) return copyObject(v, depth, w);
      const items: readonly unknown[] = v;
      w.chars += Math.max(2, items.length + 1);
      const out: JsonValue[] = [];
      for (let i = 0; i < items.length; i++) {
        const child = copy(items[i], depth + 1, w);
        if (child === NOT_JSON) return NOT_JSON;
        out.push(child);
      }
      return out;
    }
    default:
      return NOT_JSON;
  }
};

/**
 * Validates a value exactly as `validateJson` does and, in the same walk, builds a fresh copy whose
 * objects hold their keys in RFC 8785 order, so its canonical JSON is the native `JSON.stringify`
 * of the copy (or `serializeCanonical` when a key is an array index, which JavaScript enumerates
 * first). A property test holds the text equal to the `canonicalize` library's. On failure the
 * error is `validateJson`'s own, so both report the same path and reason. Pure.
 * @example canonicalCopy({ b: 1, a: [2] }, 'data', limits) // Right({ value: { a: [2], b: 1 }, json: '{"a":[2],"b":1}' })
 */
export const canonicalCopy = (
  value: unknown,
  path: string,
  limits: JsonLimits,
): E.Either<InvalidEvent, CanonicalCopy> => {
  const w: Walk = { small: [], seen: undefined, limits, chars: 0, indexKeys: false };
  const copied = copy(value, 0, w);
  const json =
    copied === NOT_JSON || w.chars > limits.maxChars
      ? undefined
      : w.indexKeys
        ? serializeCanonical(copied)
        : JSON.stringify(copied);
  // JSON.stringify writes a lone surrogate (in a string or a key) as an escape `\udXXX`, and any
  // text holding one contains `\ud`: only then are the strings checked, by `validateJson`. The
  // text's length is the size `validateJson` counts, escapes included.
  const tooLong = json !== undefined && json.length > limits.maxChars;
  if (copied === NOT_JSON || json === undefined || tooLong || json.includes('\\ud')) {
    const problem = validateJson(value, path, limits);
    if (E.isLeft(problem)) return problem;
    if (copied === NOT_JSON || json === undefined || tooLong)
      throw new Error(
        `canonicalCopy refused a value validateJson accepts at ${path}; report this bug`,
      );
  }
  return E.right({ value: copied, json });
};
