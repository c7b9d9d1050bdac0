import type { BenchRow } from '../engine/BenchRow.js';
import { atLeast } from '../run/goalRows.js';
import { goalRowSuite } from '../run/goalRowSuite.js';
import type { Goal, Suite, SuiteRun } from '../run/Suite.js';
import { LABELS, scaleWorkload } from '../scale/scaleWorkload.js';
import type { CampaignSizes } from './campaignSizes.js';

const under = (value: number, limit: number, unit: string): Goal => ({
  text: `< ${limit} ${unit}`,
  met: value < limit,
});

/**
 * The goals of R (issue #22): replay >= 0.5x the plain fold with the chain verified, its peak RSS
 * under 200 MiB at every size; the HTML report under 15 s and 500 MiB to build, under 15 MB on disk,
 * drawn in Chromium within 10 s. Pure.
 */
export const scaleGoal = (r: BenchRow): Goal | null => {
  if (r.workload.startsWith(LABELS.replayRss)) return under(r.median, 200, 'MiB');
  if (r.workload.startsWith(LABELS.replay))
    return r.ratio === null || r.reference === null ? null : atLeast(r.ratio, 0.5);
  if (!r.workload.startsWith(LABELS.html)) return null;
  if (r.workload.includes('build time')) return under(r.median, 15, 's');
  if (r.workload.includes('peak RSS')) return under(r.median, 500, 'MiB');
  if (r.workload.includes('file size')) return under(r.median, 15, 'MB');
  if (r.workload.includes('render')) return under(r.median, 10, 's');
  return null;
};

/** Options of R. */
export interface ScaleOptions extends SuiteRun {
  readonly sizes: CampaignSizes;
}

/** R: `strive replay` and `strive report --html` at ~100k and ~1M events (issue #22). Does I/O. */
export const scaleSuite = (o: ScaleOptions): Suite =>
  goalRowSuite(o, {
    id: 'R',
    title: 'strive replay and strive report --html at scale',
    budgetSeconds: 240,
    needs: ['campaign'],
    heading: '## R: replay and the HTML report at scale',
    goal: scaleGoal,
    measure: async (log) => ({
      rows: await scaleWorkload(o.runs, log, o.sizes),
      context: [
        `(${o.runs} runs), on the campaign stores of the run (${o.sizes.small.toLocaleString('en-US')} and`,
        `${o.sizes.large.toLocaleString('en-US')} organizations), each exported once with \`strive export\`.`,
        '`strive replay FILE --json` (decode, hash chain verified, report folded; a child process, start-up',
        'included) against a plain JSON.parse-and-fold of the same file in a child process (64 KiB',
        "chunks, counts per type and stream); peak RSS is the child's `maxRSS`. `strive report --html`",
        'runs once unmeasured first (the projections catch up), then is measured; the page is opened',
        'from file:// in headless Chromium until its statecharts (drawn last) are done. Figures are',
        'medians [min-max].',
      ],
      notes: () =>
        o.sizes.large === 3_750
          ? []
          : [`R on ${o.sizes.large} organizations instead of 3,750 (not the issue's 1M events)`],
    }),
  });
