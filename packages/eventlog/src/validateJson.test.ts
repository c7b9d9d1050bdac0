import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedString, validateJson } from './validateJson.js';

const limits = { maxDepth: 64, maxChars: 10_000 };
const problem = (value: unknown, l = limits) => {
  const r = validateJson(value, 'v', l);
  return E.isLeft(r) ? r.left : undefined;
};

const nest = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { v } : [v];
  return v;
};

describe('validateJson', () => {
  it('accepts plain JSON of every kind, including null-prototype objects', () => {
    const bare: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    bare['k'] = 1;
    for (const v of [null, true, 0, -1.5, '', '创先争优 😀', [], {}, { a: [1, { b: null }] }, bare])
      expect(validateJson(v, 'v', limits)).toEqual(E.right(v));
  });

  it.each([
    ['NaN', { a: NaN }, 'v.a', /NaN/],
    ['Infinity', [Infinity], 'v[0]', /Infinity/],
    ['-Infinity', { a: { b: -Infinity } }, 'v.a.b', /Infinity/],
    ['undefined', { a: undefined }, 'v.a', /undefined/],
    ['a BigInt', { a: 1n }, 'v.a', /BigInt/],
    ['a function', { a: () => 0 }, 'v.a', /function/],
    ['a symbol', [Symbol('x')], 'v[0]', /symbol/],
    ['a Date', { a: new Date(0) }, 'v.a', /Date/],
    ['a class instance', { a: new (class Money {})() }, 'v.a', /Money/],
    ['a Map', new Map(), 'v', /Map/],
    ['a typed array', { a: new Uint8Array(2) }, 'v.a', /Uint8Array/],
    [
      'a __proto__ key',
      JSON.parse('{"x":{"__proto__":1}}') as unknown,
      'v.x.__proto__',
      /__proto__/,
    ],
    ['a constructor key', { constructor: 'x' }, 'v.constructor', /constructor/],
    ['a prototype key', { prototype: 'x' }, 'v.prototype', /prototype/],
    ['a lone high surrogate', { s: 'a\ud83d' }, 'v.s', /surrogate/],
    ['a lone low surrogate', ['\ude00b'], 'v[0]', /surrogate/],
    ['a lone surrogate in a key', { ['k\ud800']: 1 }, 'v', /surrogate/],
    [
      'a getter',
      {
        get g() {
          return 1;
        },
      },
      'v.g',
      /undefined/,
    ],
    ['symbol keys', { [Symbol('s')]: 1 }, 'v', /symbol/],
  ])('refuses %s, naming its path', (_what, value, path, reason) => {
    const p = problem(value);
    expect(p?.path).toBe(path);
    expect(p?.reason).toMatch(reason);
  });

  it('refuses a cycle and a shared reference', () => {
    const cyc: { self?: unknown } = {};
    cyc.self = cyc;
    expect(problem(cyc)?.path).toBe('v.self');
    expect(problem(cyc)?.reason).toMatch(/cycle/);
    const shared = { n: 1 };
    expect(problem({ a: shared, b: shared })?.reason).toMatch(/shared/);
  });

  it('accepts nesting up to maxDepth and refuses one level more', () => {
    expect(E.isRight(validateJson(nest(64), 'v', limits))).toBe(true);
    expect(problem(nest(65))?.reason).toMatch(/deeper than 64/);
  });

  it('refuses 10,000-deep nesting without exhausting the stack', () => {
    expect(problem(nest(10_000))?.reason).toMatch(/deeper/);
  });

  it('refuses a value over the size limit, long strings and many small values alike', () => {
    expect(problem('x'.repeat(10_001))?.reason).toMatch(/size limit/);
    expect(problem(Array.from({ length: 2_000 }, () => 12345))?.reason).toMatch(/size limit/);
    expect(problem('x'.repeat(9_000))).toBeUndefined();
  });

  it('sets the size limit at the length of the JSON text exactly, escapes included (property)', () => {
    const escapes = fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u0001', 'é') });
    const text = fc.oneof(escapes, fc.string());
    const values = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(true, false, null),
        fc.array(tie('value')),
        fc.dictionary(
          text.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
          tie('value'),
        ),
      ),
    })).value;
    fc.assert(
      fc.property(values, (v) => {
        const size = JSON.stringify(v).length;
        expect(problem(v, { maxDepth: 64, maxChars: size })).toBeUndefined();
        expect(problem(v, { maxDepth: 64, maxChars: size - 1 })?.reason).toMatch(/size limit/);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts whatever JSON.parse produces from well-formed text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 8 }), (v) => {
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        const keys = JSON.stringify(v).match(/"(__proto__|constructor|prototype)":/);
        expect(E.isRight(validateJson(parsed, 'v', { maxDepth: 64, maxChars: 1e7 }))).toBe(
          keys === null,
        );
      }),
    );
  });
});

describe('isWellFormedString', () => {
  it('tells lone surrogates from pairs', () => {
    expect(isWellFormedString('😀 创')).toBe(true);
    expect(isWellFormedString('\ud83d')).toBe(false);
    expect(isWellFormedString('\ude00\ud83d')).toBe(false);
  });
});
