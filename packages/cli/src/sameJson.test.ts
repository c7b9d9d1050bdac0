import { canonicalJson, type JsonValue } from '@strive/eventlog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJson } from './sameJson.js';

/** A JSON value as JSON.parse gives it (own "__proto__" keys included). */
const json = fc.jsonValue({ maxDepth: 4 }).map((v): JsonValue => JSON.parse(JSON.stringify(v)));

const isArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

/** The same value with every object's keys in another order (a different, equal document). */
const reordered = (v: JsonValue): JsonValue => {
  if (typeof v !== 'object' || v === null) return v;
  if (isArray(v)) return v.map((x) => reordered(x));
  const text = `{${Object.keys(v)
    .reverse()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(reordered(v[k] ?? null))}`)
    .join(',')}}`;
  return JSON.parse(text);
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
    expect(sameJson(JSON.parse('{"__proto__":1}'), {})).toBe(false);
    expect(sameJson(JSON.parse('{"__proto__":1}'), JSON.parse('{"__proto__":1}'))).toBe(true);
    expect(sameJson({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson({ a: null }, { b: null })).toBe(false);
    expect(sameJson(0, -0)).toBe(true);
    expect(sameJson('1', 1)).toBe(false);
  });
});
