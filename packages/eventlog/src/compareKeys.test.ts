import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys } from './compareKeys.js';

const sign = (n: number): number => Math.sign(n);

describe('compareKeys', () => {
  it('orders by code point, putting U+FF01 before an emoji unlike UTF-16 order', () => {
    expect(['😀', '\uff01', 'b', 'B', '创', 'a', ''].sort(compareKeys)).toEqual([
      '',
      'B',
      'a',
      'b',
      '创',
      '\uff01',
      '😀',
    ]);
  });

  it('agrees with the byte order of UTF-8 for any well-formed strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(sign(compareKeys(a, b))).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 500 },
    );
  });
});
