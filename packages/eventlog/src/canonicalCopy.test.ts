import canonicalize from 'canonicalize';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCopy } from './canonicalCopy.js';
import { serializeCanonical } from './serializeCanonical.js';
import { isJsonValue } from './JsonValueCodec.js';
import { validateJson } from './validateJson.js';

const limits = { maxDepth: 64, maxChars: 100_000 };

/** Keys that stress RFC 8785 ordering: array indexes (enumerated first by JS), astral and BMP characters. */
const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.nat({ max: 5000 }).map(String),
  fc.constantFrom(
    '',
    'a',
    'A',
    '\u00e9',
    '\uff21',
    '\ud83d\ude00',
    '\u20ac',
    '10',
    '2',
    '-1',
    '01',
  ),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;
const wellFormedJson = json.filter((v) => E.isRight(validateJson(v, 'v', limits)));

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const objectsOf = (u: unknown, out = new Set<unknown>()): Set<unknown> => {
  if (typeof u === 'object' && u !== null) {
    out.add(u);
    for (const v of Object.values(u)) objectsOf(v, out);
  }
  return out;
};

describe('canonicalCopy', () => {
  it('gives exactly the canonicalize library text, and a copy equal to the parsed text (property)', () => {
    fc.assert(
      fc.property(wellFormedJson, (v) => {
        const r = canonicalCopy(v, 'v', limits);
        if (E.isLeft(r)) throw new Error(r.left.reason);
        expect(r.right.json).toBe(canonicalize(v));
        expect(r.right.value).toStrictEqual(JSON.parse(r.right.json));
        expect(isJsonValue(r.right.value)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('accepts and refuses exactly what validateJson does, with the same error (property)', () => {
    const limitsArb = fc.record({
      maxDepth: fc.integer({ min: 1, max: 6 }),
      maxChars: fc.integer({ min: 1, max: 400 }),
    });
    fc.assert(
      fc.property(fc.oneof(json, anything), limitsArb, (u, l) => {
        const r = canonicalCopy(u, 'v', l);
        const reference = validateJson(u, 'v', l);
        expect(E.isRight(r)).toBe(E.isRight(reference));
        if (E.isLeft(r)) expect(r).toEqual(reference);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a value one character over the size limit that validateJson sets, no sooner (property)', () => {
    const accepts = (v: unknown, maxChars: number): boolean =>
      E.isRight(validateJson(v, 'v', { maxDepth: 64, maxChars }));
    fc.assert(
      fc.property(wellFormedJson, (v) => {
        let lo = 0;
        let hi = limits.maxChars;
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (accepts(v, mid)) hi = mid;
          else lo = mid + 1;
        }
        expect(E.isRight(canonicalCopy(v, 'v', { maxDepth: 64, maxChars: lo }))).toBe(true);
        expect(canonicalCopy(v, 'v', { maxDepth: 64, maxChars: lo - 1 })).toEqual(
          validateJson(v, 'v', { maxDepth: 64, maxChars: lo - 1 }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('shares no object with its input, so later changes to the input do not reach the copy (property)', () => {
    fc.assert(
      fc.property(wellFormedJson, (v) => {
        const r = canonicalCopy(v, 'v', limits);
        if (E.isLeft(r)) throw new Error(r.left.reason);
        const mine = objectsOf(v);
        for (const o of objectsOf(r.right.value)) expect(mine.has(o)).toBe(false);
      }),
    );
  });

  it('refuses a shared reference or a cycle among few or many objects, as validateJson does (property)', () => {
    const kind = fc.constantFrom('none', 'shared', 'cycle');
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.nat(), kind, (n, at, k) => {
        const list: Array<Record<string, unknown>> = Array.from({ length: n + 1 }, (_, i) => ({
          i,
        }));
        const root: Record<string, unknown> = { list };
        const target = list[at % list.length] ?? {};
        if (k === 'shared') root.z = target;
        if (k === 'cycle') target.back = root;
        const r = canonicalCopy(root, 'v', limits);
        const reference = validateJson(root, 'v', limits);
        expect(E.isRight(r)).toBe(k === 'none');
        if (E.isLeft(r)) expect(r).toEqual(reference);
        else expect(r.right.json).toBe(canonicalize(root));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses the keys __proto__, constructor and prototype with the error validateJson gives', () => {
    for (const k of ['__proto__', 'constructor', 'prototype']) {
      const u: unknown = JSON.parse(`{"a":{"${k}":1}}`);
      expect(canonicalCopy(u, 'v', limits)).toEqual(validateJson(u, 'v', limits));
      expect(E.isLeft(canonicalCopy(u, 'v', limits))).toBe(true);
    }
  });

  it('orders keys by UTF-16 code units, array indexes and astral characters included', () => {
    const r = canonicalCopy(
      { b: 1, 10: 2, 2: 3, '\ud83d\ude00': 4, '\uff21': 5, a: -0 },
      'v',
      limits,
    );
    expect(r).toEqual(
      E.right({
        value: { 10: 2, 2: 3, a: 0, b: 1, '\ud83d\ude00': 4, '\uff21': 5 },
        json: '{"10":2,"2":3,"a":0,"b":1,"\ud83d\ude00":4,"\uff21":5}',
      }),
    );
  });

  it('refuses a shared reference and an accessor without running it, as validateJson does', () => {
    const shared = { x: 1 };
    let ran = false;
    const accessor = Object.defineProperty({}, 'g', {
      enumerable: true,
      get: () => {
        ran = true;
        return 1;
      },
    });
    expect(canonicalCopy({ a: shared, b: shared }, 'v', limits)).toEqual(
      validateJson({ a: shared, b: shared }, 'v', limits),
    );
    expect(E.isLeft(canonicalCopy(accessor, 'v', limits))).toBe(true);
    expect(ran).toBe(false);
  });
});

describe('serializeCanonical', () => {
  it('equals the canonicalize library for any valid JSON value (property)', () => {
    fc.assert(
      fc.property(wellFormedJson, (v) => {
        if (!isJsonValue(v)) throw new Error('not JSON');
        expect(serializeCanonical(v)).toBe(canonicalize(v));
      }),
      { numRuns: 1500 },
    );
  });
});
