import { describe, expect, it } from 'vitest';
import { measurePair } from './workloads.js';

describe('measurePair', () => {
  it('runs Strive first in even runs and raw first in odd ones, each side once', async () => {
    const order = async (r: number): Promise<string[]> => {
      const seen: string[] = [];
      const t = await measurePair(
        r,
        () => void seen.push('strive'),
        async () => {
          await Promise.resolve();
          seen.push('raw');
        },
      );
      expect(t.strive.wall).toBeGreaterThanOrEqual(0);
      expect(t.raw.wall).toBeGreaterThanOrEqual(0);
      return seen;
    };
    expect(await order(0)).toEqual(['strive', 'raw']);
    expect(await order(1)).toEqual(['raw', 'strive']);
    expect(await order(2)).toEqual(['strive', 'raw']);
  });
});
