import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../engine/BenchRow.js';
import { endToEndGoal } from './endToEndSuite.js';
import { withGoals } from '../run/goalRows.js';
import { replayGoal, replayGoalsFound } from './replaySuite.js';

const row = (workload: string, o: Partial<BenchRow>): BenchRow => ({
  workload,
  subject: 's',
  reference: 'r',
  unit: 'u',
  median: 1,
  min: 1,
  max: 1,
  ratio: 1,
  ...o,
});

describe('the goals of F and C', () => {
  it('F: the engine at >= 0.5x the switch; peak RSS at 1M within 10% of 100k', () => {
    expect(replayGoal(row('F replay 1.01M events', { ratio: 0.49 }))?.met).toBe(false);
    expect(replayGoal(row('F replay 1.01M events', { ratio: 0.5 }))?.met).toBe(true);
    // ratio = smaller peak / larger peak: 100 MiB -> 110 MiB is within, -> 111 MiB is not.
    expect(replayGoal(row('F peak RSS', { ratio: 100 / 110 }))?.met).toBe(true);
    expect(replayGoal(row('F peak RSS', { ratio: 100 / 111 }))?.met).toBe(false);
    expect(replayGoal(row('F peak RSS', { reference: null, ratio: 1 }))).toBeNull();
    expect(replayGoal(row('F folded states (heap)', { ratio: 0.1 }))).toBeNull();
  });
  it('F: both goals are found with several speed rows, and their absence is noticed', () => {
    const found = (...ws: string[]): boolean =>
      replayGoalsFound(
        withGoals(
          ws.map((w) => row(w, {})),
          replayGoal,
        ),
      );
    expect(found('F replay 1.01M events', 'F replay stream by stream', 'F peak RSS')).toBe(true);
    expect(found('F replay 1.01M events', 'F peak RSS')).toBe(true);
    expect(found('F replay 1.01M events', 'F peak RSS at 1.01M events')).toBe(false);
    expect(found('F peak RSS')).toBe(false);
  });
  it('C: strive run >= 0.5x raw W5 (not its CPU row); report on the large store under 1 s', () => {
    expect(
      endToEndGoal(row('C strive run, large campaign: 1.01M events', { ratio: 0.4 }))?.met,
    ).toBe(false);
    expect(endToEndGoal(row('C strive run, 10k commands', { ratio: 0.6 }))?.met).toBe(true);
    expect(endToEndGoal(row('C strive run, large campaign, CPU time', { ratio: 0.4 }))).toBeNull();
    expect(
      endToEndGoal(row('C strive run, 10k commands', { reference: null, ratio: 1 })),
    ).toBeNull();
    const report = (s: number): BenchRow =>
      row('C strive report, large campaign: 1.01M events', {
        reference: null,
        ratio: null,
        median: s,
      });
    expect(endToEndGoal(report(0.99))).toEqual({ text: '< 1 s', met: true });
    expect(endToEndGoal(report(1.2))?.met).toBe(false);
    expect(
      endToEndGoal(row('C strive report, 1k events', { reference: null, ratio: null })),
    ).toBeNull();
  });
});
