import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeast, atMost, fromDecimal } from './Fraction.js';
import { addDays } from './time.js';

describe('fromDecimal', () => {
  it('reads a share as the decimal it is written as', () => {
    expect(fromDecimal(0.8)).toEqual({ num: 8n, den: 10n });
    expect(fromDecimal(1)).toEqual({ num: 1n, den: 1n });
    expect(fromDecimal(0)).toEqual({ num: 0n, den: 1n });
    expect(fromDecimal(1e-7)).toEqual({ num: 1n, den: 10000000n });
    expect(fromDecimal(0.1 + 0.2)).toEqual({ num: 30000000000000004n, den: 100000000000000000n });
  });
  it('compares exactly where floating point drifts (0.07 x 100 is 7.000000000000001, 0.29 x 100 is 28.999999999999996)', () => {
    const times = (a: number, b: number): number => a * b;
    expect([times(0.07, 100), times(0.29, 100)]).toEqual([7.000000000000001, 28.999999999999996]);
    expect(atLeast(7, 100, fromDecimal(0.07))).toBe(true);
    expect(atMost(7, 100, fromDecimal(0.07))).toBe(true);
    expect(atLeast(29, 100, fromDecimal(0.29))).toBe(true);
    expect(atMost(29, 100, fromDecimal(0.29))).toBe(true);
    expect(atLeast(6, 100, fromDecimal(0.07))).toBe(false);
    expect(atMost(30, 100, fromDecimal(0.29))).toBe(false);
  });
  it('matches integer cross-multiplication for any decimal share, on and next to the boundary', () => {
    // share = k / 10^d; part is on the boundary (share x total rounded down) or one off it, and half
    // the totals are multiples of 10^d, where share x total is a whole number that the float product
    // misses about once in 16 (0.07 x 100).
    let drifts = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.nat(1000),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        fc.integer({ min: -1, max: 1 }),
        (d, k0, size, multiple, delta) => {
          const scale = 10 ** d;
          const k = k0 % (scale + 1);
          const total = multiple ? scale * ((size % 10) + 1) : size;
          const share = k / scale;
          const part = Math.max(0, Math.floor((k * total) / scale) + delta);
          const [p, t, n, s] = [BigInt(part), BigInt(total), BigInt(k), BigInt(scale)];
          expect(atLeast(part, total, fromDecimal(share))).toBe(p * s >= n * t);
          expect(atMost(part, total, fromDecimal(share))).toBe(p * s <= n * t);
          if (part >= share * total !== p * s >= n * t || part <= share * total !== p * s <= n * t)
            drifts += 1;
        },
      ),
      { numRuns: 1000 },
    );
    // The inputs must include cases a float comparison gets wrong, or the property proves nothing.
    expect(drifts).toBeGreaterThan(0);
  });
});

describe('addDays', () => {
  it('adds days of 24 h and keeps the offset', () => {
    expect(addDays('2012-11-01T09:00:00+08:00', 7)).toBe('2012-11-08T09:00:00+08:00');
    expect(addDays('2012-12-28T20:00:00-05:00', 7)).toBe('2013-01-04T20:00:00-05:00');
    expect(addDays('2012-11-01T09:00:00.250Z', 1)).toBe('2012-11-02T09:00:00.250Z');
  });
});
