import { canonicalJson, JsonValueCodec, type JsonValue } from '@strive/eventlog';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { sameJson } from './sameJson.js';

/** JSON text parsed and decoded as a `JsonValue` (own "__proto__" keys included), never cast. */
const parsed = (text: string): JsonValue => {
  const d = JsonValueCodec.decode(JSON.parse(text));
  if (E.isLeft(d)) throw new Error(`not JSON: ${text}`);
  return d.right;
};

const json = fc.jsonValue({ maxDepth: 4 }).map((v) => parsed(JSON.stringify(v)));

const isArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

/** The same value with every object's keys in another order (a different, equal document). */
const reordered = (v: JsonValue): JsonValue => {
  if (typeof v !== 'object' || v === null) return v;
  if (isArray(v)) return v.map((x) => reordered(x));
  const text = `{${Object.keys(v)
    .reverse()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(reordered(v[k] ?? null))}`)
    .join(',')}}`;
  return parsed(text);
};

describe('sameJson', () => {
  it('is true exactly when the canonical texts are equal, for unrelated, reordered and nearly equal values (property)', () => {
    const pairs = fc.oneof(
      fc.tuple(json, json),
      json.map((v) => [v, reordered(v)] as const),
      fc.tuple(json, json).map(
        ([v, w]) =>
          [
            { k: v, l: [w, 0] },
            { l: [w, -0], k: v },
          ] as const,
      ),
      fc.tuple(json, json).map(
        ([v, w]) =>
          [
            [v, w],
            [v, { w }],
          ] as const,
      ),
    );
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells apart what only the shape distinguishes', () => {
    expect(sameJson(parsed('{"__proto__":1}'), {})).toBe(false);
    expect(sameJson(parsed('{"__proto__":1}'), parsed('{"__proto__":1}'))).toBe(true);
    expect(sameJson({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson({ a: null }, { b: null })).toBe(false);
    expect(sameJson(0, -0)).toBe(true);
    expect(sameJson('1', 1)).toBe(false);
  });
});
