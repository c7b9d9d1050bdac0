import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateJson } from './validateJson.js';

// The size limit bounds the JSON text a value is written as: a value is never accepted when its
// JSON text is longer than `maxChars`, and a string is counted exactly (its quotes included). A number
// counts as 8 characters whatever its spelling (-7.9e-312 is 9 more), so the property keeps numbers short.
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
    expect(
      accepted(
        Array.from({ length: 100 }, () => 1),
        300,
      ),
    ).toBe(false);
  });

  it('refuses an object of many short keys whose JSON text is longer than maxChars', () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 0]));
    expect(accepted(many, JSON.stringify(many).length - 1)).toBe(false);
  });

  it('never accepts a value whose JSON text is longer than maxChars (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 400 }), (v, max) => {
        const value: unknown = JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
          typeof x === 'number' ? Math.trunc(x) % 1e6 : x,
        );
        if (JSON.stringify(value).length > max) expect(accepted(value, max)).toBe(false);
      }),
    );
  });
});
