import { describe, expect, it } from 'vitest';
import { measureRuns } from './measureRuns.js';
import type { Timing } from './workloads.js';

const timing = (ms: number): Timing => ({
  strive: { wall: ms, cpu: ms },
  raw: { wall: 2 * ms, cpu: 2 * ms },
});

describe('measureRuns', () => {
  it('runs the warm-up first under later indexes and returns only the measured runs', async () => {
    const calls: number[] = [];
    const logged: string[] = [];
    const times = await measureRuns(
      (i) => {
        calls.push(i);
        return Promise.resolve(timing(i === 3 ? 1_000 : i + 1));
      },
      3,
      1,
      (what, i, t) => logged.push(`${what} ${i} ${t.strive.wall}`),
    );
    expect(calls).toEqual([3, 0, 1, 2]);
    expect(times.map((t) => t.strive.wall)).toEqual([1, 2, 3]);
    expect(logged).toEqual(['warm-up 3 1000', 'run 0 1', 'run 1 2', 'run 2 3']);
  });

  it('measures every run when there is no warm-up', async () => {
    const calls: number[] = [];
    const times = await measureRuns(
      (i) => {
        calls.push(i);
        return Promise.resolve(timing(i + 1));
      },
      2,
      0,
      () => undefined,
    );
    expect(calls).toEqual([0, 1]);
    expect(times).toHaveLength(2);
  });
});
