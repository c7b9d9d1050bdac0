import type { BenchRow } from '../engine/BenchRow.js';
import { replayWorkload } from '../engine/replay.js';
import { atLeast, type GoalRow } from '../run/goalRows.js';
import { goalRowSuite } from '../run/goalRowSuite.js';
import type { Goal, Suite, SuiteRun } from '../run/Suite.js';
import type { CampaignSizes } from './campaignSizes.js';

/** Peak RSS at ~1M events within 10% of ~100k: `ratio = small / large peak` at least 1 / 1.1. */
const RSS_RATIO = 1 / 1.1;

/** The goals of F: engine >= 0.5x the hand-written switch; peak RSS within 10% between sizes. Pure. */
export const replayGoal = (r: BenchRow): Goal | null => {
  if (r.reference === null || r.ratio === null) return null;
  if (r.workload.startsWith('F replay')) return atLeast(r.ratio, 0.5);
  if (r.workload === 'F peak RSS')
    return { text: '<= 1.10x the smaller', met: r.ratio >= RSS_RATIO - 1e-9 };
  return null;
};

/**
 * Whether both goals of F found a row among `rows` (a speed row `F replay...` and the `F peak RSS`
 * row): false when `replayWorkload`'s labels drifted from the ones `replayGoal` matches. Pure.
 */
export const replayGoalsFound = (rows: readonly GoalRow[]): boolean => {
  const goals = rows.filter((r) => r.goal !== null).map((r) => r.row.workload);
  return goals.some((w) => w.startsWith('F replay')) && goals.includes('F peak RSS');
};

/** Options of F. */
export interface ReplayOptions extends SuiteRun {
  readonly sizes: CampaignSizes;
}

/**
 * F: the run's large campaign store replayed through the engine against the hand-written switch, and
 * peak RSS of engine-only replays of the small and large stores (the replay owner's `replayWorkload`).
 * Does I/O.
 */
export const replaySuite = (o: ReplayOptions): Suite =>
  goalRowSuite(o, {
    id: 'F',
    title: 'engine replay vs hand-written reducer, peak RSS',
    budgetSeconds: 150,
    needs: ['campaign'],
    heading: '## F: engine replay',
    goal: replayGoal,
    measure: async (log) => ({
      rows: await replayWorkload(o.runs, log, {
        small: { orgs: o.sizes.small },
        large: { orgs: o.sizes.large },
      }),
      context: [
        `(${o.runs} runs), on the campaign store this run built (${o.sizes.large.toLocaleString('en-US')}`,
        `organizations; ${o.sizes.small.toLocaleString('en-US')} for the smaller memory figure). Rates`,
        'are medians [min-max]; ratios are oriented so that higher is better (memory: smaller / larger).',
      ],
      notes: (rows) => [
        ...(o.sizes.large === 3_750
          ? []
          : [
              `campaign of ${o.sizes.large} organizations instead of 3,750 (not the issue's 1M events)`,
            ]),
        ...(replayGoalsFound(rows)
          ? []
          : [
              'GOALS NOT FOUND: the rows of replayWorkload no longer carry the labels replaySuite matches (F replay..., F peak RSS)',
            ]),
      ],
    }),
  });
