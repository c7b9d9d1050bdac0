import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDelay } from './retryDelay.js';

describe('nextDelay (decorrelated jitter)', () => {
  it('lies between the base and three times the previous pause, never above the cap', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 100, max: 5_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (previous, base, cap, r) => {
          const d = nextDelay(previous, base, cap, r);
          expect(d).toBeGreaterThanOrEqual(Math.min(base, cap));
          expect(d).toBeLessThanOrEqual(Math.min(cap, Math.max(base, previous * 3)));
        },
      ),
      { seed: 20 },
    );
  });

  it('spans the whole range with the random number', () => {
    expect([0, 0.5, 0.999].map((r) => nextDelay(10, 5, 1_000, r))).toEqual([5, 17.5, 29.975]);
  });
});
