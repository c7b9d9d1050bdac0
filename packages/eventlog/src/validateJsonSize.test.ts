import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateJson } from './validateJson.js';

// The size limit bounds the JSON text a value is written as: a value is never accepted when its
// JSON text is longer than `maxChars`; a string is counted with its quotes, a number as it is written.
const accepted = (value: unknown, maxChars: number): boolean =>
  E.isRight(validateJson(value, 'v', { maxDepth: 64, maxChars }));

describe('validateJson size limit', () => {
  it('accepts a string whose JSON text is exactly maxChars and refuses one character more', () => {
    expect(accepted('x'.repeat(98), 100)).toBe(true);
    expect(accepted('x'.repeat(99), 100)).toBe(false);
    expect(accepted({ k: 'x'.repeat(90) }, 100)).toBe(true);
  });

  it('refuses a string over the limit for its size, before looking at its characters', () => {
    const r = validateJson('\ud800' + 'x'.repeat(200), 'v', { maxDepth: 64, maxChars: 100 });
    expect(E.isLeft(r) ? r.left.reason : undefined).toBe(
      'value exceeds the size limit of 100 characters',
    );
  });

  it('refuses an array of many small values whose JSON text is longer than maxChars', () => {
    const nulls = Array.from({ length: 100 }, () => null);
    const text = JSON.stringify(nulls).length; // 501
    expect(accepted(nulls, text - 1)).toBe(false);
    expect(
      accepted(
        Array.from({ length: 100 }, () => true),
        text - 1,
      ),
    ).toBe(false);
    const ones = Array.from({ length: 100 }, () => 1);
    expect(accepted(ones, JSON.stringify(ones).length - 1)).toBe(false);
  });

  it('counts a number as long as its JSON text, however it is spelled', () => {
    const long = -7.915035351023e-312;
    expect(JSON.stringify(long)).toHaveLength(20);
    expect(accepted(long, 20)).toBe(true);
    expect(accepted(long, 19)).toBe(false);
    expect(accepted(7, 1)).toBe(true);
    // inside an array or object one separator more than written is counted
    const big = { n: [12345678901234567000] };
    expect(JSON.stringify(big)).toHaveLength(28);
    expect(accepted(big, 27)).toBe(false);
    expect(accepted(big, 30)).toBe(true);
  });

  it('counts a string or a key as long as its JSON text, escapes included', () => {
    expect(JSON.stringify('"')).toHaveLength(4);
    expect(accepted('"', 3)).toBe(false);
    expect(accepted('"', 4)).toBe(true);
    expect(accepted('\\\u0000', 9)).toBe(false); // a backslash and a NUL: 10 characters of JSON
    expect(accepted('\\\u0000', 10)).toBe(true);
    const keyed = { '\u0001\u0001': 1 };
    expect(JSON.stringify(keyed)).toHaveLength(18);
    expect(accepted(keyed, 17)).toBe(false);
  });

  it('counts the braces of an object', () => {
    expect(accepted({ '': '' }, 6)).toBe(false);
    expect(accepted({ '': { '': {} } }, 11)).toBe(false);
    expect(accepted({ '': { '': {} } }, 14)).toBe(true);
  });

  it('refuses an object of many short keys whose JSON text is longer than maxChars', () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 0]));
    expect(accepted(many, JSON.stringify(many).length - 1)).toBe(false);
  });

  it('never accepts a value whose JSON text is longer than maxChars (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 400 }), (v, max) => {
        const value: unknown = JSON.parse(JSON.stringify(v));
        if (JSON.stringify(value).length > max) expect(accepted(value, max)).toBe(false);
      }),
    );
  });
});
