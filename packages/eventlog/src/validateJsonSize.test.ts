import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateJson } from './validateJson.js';

// The size limit is the length of the JSON text a value is written as: a value whose text is
// exactly `maxChars` long is accepted, one character more is refused.
const accepted = (value: unknown, maxChars: number): boolean =>
  E.isRight(validateJson(value, 'v', { maxDepth: 64, maxChars }));

/** Whether `maxChars` equal to the value's JSON text passes, and one less does not. */
const exact = (value: unknown): [boolean, boolean] => {
  const length = JSON.stringify(value).length;
  return [accepted(value, length), accepted(value, length - 1)];
};

describe('validateJson size limit', () => {
  it('accepts a string whose JSON text is exactly maxChars and refuses one character more', () => {
    expect(accepted('x'.repeat(98), 100)).toBe(true);
    expect(accepted('x'.repeat(99), 100)).toBe(false);
    expect(exact({ k: 'x'.repeat(90) })).toEqual([true, false]);
  });

  it('refuses a string over the limit for its size, before looking at its characters', () => {
    const r = validateJson('\ud800' + 'x'.repeat(200), 'v', { maxDepth: 64, maxChars: 100 });
    expect(E.isLeft(r) ? r.left.reason : undefined).toBe(
      'value exceeds the size limit of 100 characters',
    );
  });

  it('counts null, true and false as the words they are written with', () => {
    expect(exact(null)).toEqual([true, false]);
    expect(exact(true)).toEqual([true, false]);
    expect(exact(false)).toEqual([true, false]);
    expect(exact([null, true, false])).toEqual([true, false]);
  });

  it('counts the brackets and the commas between items of an array', () => {
    expect(exact([])).toEqual([true, false]);
    expect(exact([[]])).toEqual([true, false]);
    expect(exact(Array.from({ length: 100 }, () => null))).toEqual([true, false]);
    expect(exact(Array.from({ length: 100 }, () => 1))).toEqual([true, false]);
  });

  it('counts the braces, quotes, colons and commas of an object', () => {
    expect(exact({})).toEqual([true, false]);
    expect(exact({ '': '' })).toEqual([true, false]);
    expect(exact({ '': { '': {} } })).toEqual([true, false]);
    expect(exact(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 0])))).toEqual([
      true,
      false,
    ]);
  });

  it('counts a number as long as its JSON text, however it is spelled', () => {
    expect(JSON.stringify(-7.915035351023e-312)).toHaveLength(20);
    expect(exact(-7.915035351023e-312)).toEqual([true, false]);
    expect(exact(7)).toEqual([true, false]);
    expect(exact({ n: [12345678901234567000, -0, 1e21] })).toEqual([true, false]);
  });

  it('counts a string or a key as long as its JSON text, escapes included', () => {
    expect(JSON.stringify('"')).toHaveLength(4);
    expect(exact('"')).toEqual([true, false]);
    expect(exact('\\\u0000')).toEqual([true, false]); // a backslash and a NUL: 10 characters
    expect(exact({ '\u0001\u0001': 1 })).toEqual([true, false]);
  });

  it('accepts a value exactly as long as maxChars and refuses it one character shorter (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        // -0 is written 0: parse the text back so the value is what the text says
        const value: unknown = JSON.parse(JSON.stringify(v));
        fc.pre(accepted(value, Number.MAX_SAFE_INTEGER)); // keys such as __proto__ are refused
        expect(exact(value)).toEqual([true, false]);
      }),
    );
  });
});
