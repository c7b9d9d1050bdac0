import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../engine/BenchRow.js';
import { scaleGoal } from './scaleSuite.js';

const row = (workload: string, median: number, ratio: number | null = null): BenchRow => ({
  workload,
  subject: 's',
  reference: ratio === null ? null : 'plain',
  unit: 'u',
  median,
  min: median,
  max: median,
  ratio,
});

describe('the goals of R', () => {
  it('replay >= 0.5x the plain fold and under 200 MiB; the page under 15 s, 500 MiB, 15 MB, 10 s', () => {
    const met = (r: BenchRow): boolean | undefined => scaleGoal(r)?.met;
    expect(met(row('R replay 1,011k events, chain verified', 9, 0.55))).toBe(true);
    expect(met(row('R replay 1,011k events, chain verified', 9, 0.45))).toBe(false);
    expect(scaleGoal(row('R replay 1,011k events, chain verified', 9))).toBeNull();
    expect(met(row('R replay peak RSS at 1,011k events', 190))).toBe(true);
    expect(met(row('R replay peak RSS at 1,011k events', 210))).toBe(false);
    expect(met(row('R report --html build time at 1,011k events', 16))).toBe(false);
    expect(met(row('R report --html peak RSS at 1,011k events', 499))).toBe(true);
    expect(met(row('R report --html file size at 1,011k events', 15.5))).toBe(false);
    expect(met(row('R report --html render at 1,011k events', 9.9))).toBe(true);
    expect(scaleGoal(row('C strive report', 0.1))).toBeNull();
  });
});
