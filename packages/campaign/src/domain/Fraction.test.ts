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
  it('compares exactly where floating point drifts (0.7 x 10 is 7, not 7.000000000000001)', () => {
    expect(7 / 10 >= 0.7).toBe(true);
    expect(atLeast(7, 10, fromDecimal(0.7))).toBe(true);
    expect(atMost(7, 10, fromDecimal(0.7))).toBe(true);
    expect(atLeast(69, 100, fromDecimal(0.7))).toBe(false);
  });
  it('matches integer cross-multiplication for any percentage', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.nat(1000),
        fc.integer({ min: 1, max: 1000 }),
        (pct, part, total) => {
          expect(atLeast(part, total, fromDecimal(pct / 100))).toBe(part * 100 >= pct * total);
        },
      ),
    );
  });
});

describe('addDays', () => {
  it('adds days of 24 h and keeps the offset', () => {
    expect(addDays('2012-11-01T09:00:00+08:00', 7)).toBe('2012-11-08T09:00:00+08:00');
    expect(addDays('2012-12-28T20:00:00-05:00', 7)).toBe('2013-01-04T20:00:00-05:00');
    expect(addDays('2012-11-01T09:00:00.250Z', 1)).toBe('2012-11-02T09:00:00.250Z');
  });
});
