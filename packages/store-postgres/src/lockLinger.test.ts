import { describe, expect, it } from 'vitest';
import { lockLinger } from './lockLinger.js';

describe('lockLinger', () => {
  it('defaults to 2 ms of linger and 20 ms of hold, and takes 0 (locks go as appends commit)', () => {
    expect(lockLinger({})).toEqual({ lingerMs: 2, maxHoldMs: 20 });
    expect(lockLinger({ lockLingerMs: 0, lockMaxHoldMs: 5 })).toEqual({
      lingerMs: 0,
      maxHoldMs: 5,
    });
  });

  it('throws on a negative or non-finite number, naming the option', () => {
    expect(() => lockLinger({ lockLingerMs: -1 })).toThrow(/lockLingerMs must be a finite number/);
    expect(() => lockLinger({ lockMaxHoldMs: Number.NaN })).toThrow(/lockMaxHoldMs/);
    expect(() => lockLinger({ lockMaxHoldMs: Infinity })).toThrow(/lockMaxHoldMs/);
  });
});
