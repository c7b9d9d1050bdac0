import * as E from 'fp-ts/lib/Either.js';
import { invalidEvent, type InvalidEvent } from './errors.js';
import type { JsonValue } from './json.js';
import { jsonStringLength } from './quoteJson.js';

/** Limits applied to every value written to the log. */
export interface JsonLimits {
  /** Deepest nesting of arrays and objects (default 64). */
  readonly maxDepth: number;
  /**
   * Longest JSON text of the value in UTF-16 code units, counted while walking so that a huge value
   * is refused early.
   */
  readonly maxChars: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is well-formed UTF-16 (no lone surrogate), so it survives UTF-8 storage. Pure. */
export const isWellFormedString = (s: string): boolean => !LONE_SURROGATE.test(s);

const describe = (u: unknown): string => {
  if (u === undefined) return 'undefined';
  if (typeof u === 'number') return String(u);
  if (typeof u === 'bigint') return 'a BigInt';
  if (typeof u === 'function') return 'a function';
  if (typeof u === 'symbol') return 'a symbol';
  if (u instanceof Date) return 'a Date (use an ISO-8601 string)';
  const proto: unknown = typeof u === 'object' && u !== null ? Object.getPrototypeOf(u) : null;
  const ctor: unknown =
    typeof proto === 'object' && proto !== null && 'constructor' in proto
      ? proto.constructor
      : undefined;
  return `an instance of ${typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'an unknown class'}`;
};

const tooLarge = (p: string, limits: JsonLimits): InvalidEvent =>
  invalidEvent(p, `value exceeds the size limit of ${limits.maxChars} characters`);

const isPlainObject = (u: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
};

/** A bounded walk that went over the limit: only the exact count can tell. */
const UNSURE = Symbol('unsure');

/**
 * `validateJson`'s walk: strings and keys counted exactly (`exact`), or at their longest possible
 * JSON text, in which case going over the limit answers `UNSURE` instead of refusing.
 */
function walk(
  value: unknown,
  path: string,
  limits: JsonLimits,
  exact: true,
): E.Either<InvalidEvent, JsonValue>;
function walk(
  value: unknown,
  path: string,
  limits: JsonLimits,
  exact: boolean,
): E.Either<InvalidEvent, JsonValue> | typeof UNSURE;
function walk(
  value: unknown,
  path: string,
  limits: JsonLimits,
  exact: boolean,
): E.Either<InvalidEvent, JsonValue> | typeof UNSURE {
  const over = (p: string) => (exact ? E.left(tooLarge(p, limits)) : UNSURE);
  const stack: Array<{ v: unknown; p: string; d: number }> = [{ v: value, p: path, d: 0 }];
  const seen = new Set<object>();
  let chars = 0;
  while (stack.length > 0) {
    const { v, p, d } = stack.pop()!;
    if (v === null || typeof v === 'boolean') {
      chars += v === false ? 5 : 4;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v))
        return E.left(invalidEvent(p, `${describe(v)} is not a JSON number`));
      // As JSON writes it: `String` and `JSON.stringify` agree on every finite number.
      chars += String(v).length;
    } else if (typeof v === 'string') {
      chars += exact ? jsonStringLength(v) : 6 * v.length + 2;
      if (chars > limits.maxChars) return over(p);
      if (!isWellFormedString(v)) return E.left(invalidEvent(p, 'string has a lone surrogate'));
    } else if (typeof v === 'object') {
      if (d >= limits.maxDepth)
        return E.left(invalidEvent(p, `nesting deeper than ${limits.maxDepth} levels`));
      if (seen.has(v))
        return E.left(invalidEvent(p, 'value contains a cycle or a shared reference'));
      seen.add(v);
      if (Array.isArray(v)) {
        chars += Math.max(2, v.length + 1); // brackets and the commas between items
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], p: `${p}[${i}]`, d: d + 1 });
      } else {
        if (!isPlainObject(v))
          return E.left(invalidEvent(p, `${describe(v)} is not a plain object`));
        const keys = Object.keys(v);
        chars += Math.max(2, keys.length + 1);
        for (const k of keys) {
          if (FORBIDDEN_KEYS.has(k))
            return E.left(invalidEvent(`${p}.${k}`, `key "${k}" is not allowed`));
          if (!isWellFormedString(k)) return E.left(invalidEvent(p, 'a key has a lone surrogate'));
          chars += (exact ? jsonStringLength(k) : 6 * k.length + 2) + 1;
          // An accessor has no value: it is refused as `undefined`, its getter never runs.
          const child: unknown = Object.getOwnPropertyDescriptor(v, k)?.value;
          stack.push({ v: child, p: `${p}.${k}`, d: d + 1 });
        }
        if (Object.getOwnPropertySymbols(v).length > 0)
          return E.left(invalidEvent(p, 'object has symbol keys'));
      }
    } else {
      return E.left(invalidEvent(p, `${describe(v)} is not JSON`));
    }
    if (chars > limits.maxChars) return over(p);
  }
  // The walk above proved the shape; io-ts cannot express "checked JSON" without a second walk.
  return E.right(value as JsonValue);
}

/**
 * Checks that a value is plain JSON: finite numbers, well-formed strings, arrays and plain objects,
 * no cycles, no `__proto__`/`constructor`/`prototype` keys, within the depth and size limits.
 * Iterative, so a 10,000-deep value is refused without exhausting the stack. Pure.
 */
export const validateJson = (
  value: unknown,
  path: string,
  limits: JsonLimits,
): E.Either<InvalidEvent, JsonValue> => {
  // First with each string counted at the most its JSON text can take (6 units per unit, `\u0000`):
  // below the limit, the exact count is too, and no string is escaped to be counted.
  const bounded = walk(value, path, limits, false);
  return bounded === UNSURE ? walk(value, path, limits, true) : bounded;
};
