import * as t from 'io-ts';
import type { JsonValue } from './json.js';

/** Deepest nesting `JsonValueCodec` follows; deeper values (or cycles) are refused, never overflow the stack. */
export const MAX_DECODE_DEPTH = 1000;

const isJson = (u: unknown, depth: number): boolean => {
  if (u === null) return true;
  switch (typeof u) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object': {
      if (depth >= MAX_DECODE_DEPTH) return false;
      const values: readonly unknown[] = Array.isArray(u) ? u : Object.values(u);
      // A plain loop: `for...of` on an array with holes yields undefined, which is refused as before.
      for (let i = 0; i < values.length; i++) if (!isJson(values[i], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
};

/** Whether a value is JSON as `JsonValueCodec` decodes it (the input is not copied). Pure. */
export const isJsonValue = (u: unknown): u is JsonValue => isJson(u, 0);

/** Where the first non-JSON value is (slow path, only after `isJson` said no). */
const firstProblem = (u: unknown, path: string, depth: number): string | undefined => {
  if (isJson(u, depth)) return undefined;
  if (typeof u !== 'object' || u === null) return path;
  if (depth >= MAX_DECODE_DEPTH) return `${path} (nested deeper than ${MAX_DECODE_DEPTH})`;
  const keys = Array.isArray(u) ? Array.from(u, (_, i) => i) : Object.keys(u);
  for (const k of keys) {
    const label = typeof k === 'number' ? `[${k}]` : `.${k}`;
    const p = firstProblem(Reflect.get(u, k), `${path}${label}`, depth + 1);
    if (p !== undefined) return p;
  }
  return path;
};

/**
 * io-ts codec of any JSON value: null, booleans, numbers (checked finite on write, not here), strings,
 * arrays and objects of JSON values. Hand-written (one direct walk, no allocation on success, the
 * input returned as is) because rows are decoded on every read; it accepts and rejects exactly what
 * the generic `t.recursion`/`t.union` codec did, except that nesting deeper than `MAX_DECODE_DEPTH`
 * (or a cycle) is a decode failure instead of a stack overflow. Pure.
 * @example JsonValueCodec.decode(JSON.parse(text)) // Right(value)
 */
export const JsonValueCodec: t.Type<JsonValue> = new t.Type<JsonValue>(
  'JsonValue',
  isJsonValue,
  (u, c) =>
    isJsonValue(u)
      ? t.success(u)
      : t.failure(u, c, `not a JSON value at ${firstProblem(u, '$', 0) ?? '$'}`),
  t.identity,
);
