import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './createRateLimiter.js';

describe('createRateLimiter', () => {
  it('allows capacity at once, then refills at the rate, per key', () => {
    let now = 0;
    const limit = createRateLimiter({ capacity: 3, refillPerSecond: 2 }, () => now);
    expect([1, 2, 3].map(() => limit.take('ann')._tag)).toEqual(['Allowed', 'Allowed', 'Allowed']);
    expect(limit.take('ann')).toEqual({ _tag: 'Limited', retryAfterSeconds: 1 });
    expect(limit.take('bob')._tag).toBe('Allowed');
    now = 499;
    expect(limit.take('ann')._tag).toBe('Limited');
    now = 500;
    expect(limit.take('ann')._tag).toBe('Allowed');
    now = 100_000;
    expect([1, 2, 3, 4].map(() => limit.take('ann')._tag)).toEqual([
      'Allowed',
      'Allowed',
      'Allowed',
      'Limited',
    ]);
  });

  it('says how long to wait at a slow rate, and refuses a nonsense configuration', () => {
    const limit = createRateLimiter({ capacity: 1, refillPerSecond: 0.1 }, () => 0);
    limit.take('ann');
    expect(limit.take('ann')).toEqual({ _tag: 'Limited', retryAfterSeconds: 10 });
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 }, () => 0)).toThrow(
      /capacity/,
    );
  });
});
