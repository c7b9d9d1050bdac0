import { endToEndWorkload, LARGE_REPORT } from '../cli/endToEnd.js';
import type { BenchRow } from '../engine/BenchRow.js';
import { atLeast } from '../run/goalRows.js';
import { goalRowSuite } from '../run/goalRowSuite.js';
import type { Goal, Suite, SuiteRun } from '../run/Suite.js';
import type { CampaignBuild } from './buildCampaigns.js';
import type { CampaignSizes } from './campaignSizes.js';

/** The goals of C: `strive run` >= 0.5x raw W5; `strive report` on the large store < 1 s. Pure. */
export const endToEndGoal = (r: BenchRow): Goal | null => {
  if (
    r.workload.startsWith('C strive run') &&
    !r.workload.includes('CPU') &&
    r.reference !== null &&
    r.ratio !== null
  )
    return atLeast(r.ratio, 0.5);
  if (r.workload.startsWith(LARGE_REPORT)) return { text: '< 1 s', met: r.median < 1 };
  return null;
};

/** Options of C. */
export interface EndToEndOptions extends SuiteRun {
  readonly sizes: CampaignSizes;
  /** The run's campaign builds (the large one's CPU seconds), or none when C runs alone. */
  readonly builds?: () => Promise<CampaignBuild[]>;
}

/** C: `strive run` and `strive report` end to end on the run's campaign stores. Does I/O. */
export const endToEndSuite = (o: EndToEndOptions): Suite =>
  goalRowSuite(o, {
    id: 'C',
    title: 'strive run and strive report end to end',
    budgetSeconds: 90,
    needs: ['campaign'],
    heading: '## C: end to end',
    goal: endToEndGoal,
    measure: async (log) => {
      const builds = o.builds === undefined ? [] : await o.builds();
      const cpu = builds.find((b) => b.store.orgs === o.sizes.large)?.cpuSeconds ?? null;
      return {
        rows: await endToEndWorkload(o.runs, log, o.sizes, cpu),
        context: [
          `(${o.runs} runs). The large campaign (\`strive generate --orgs ${o.sizes.large}`,
          '--members-per-org 10 --evaluators 20 --seed 1`) is built once per bench run by `strive run`',
          '(a child process, start-up included) after the store suites, with nothing else running; that',
          'one run is its commands/s figure, against W5 of raw',
          `better-sqlite3 measured ${o.runs} times in this suite; the CPU row compares CPU seconds instead`,
          '(the children of the build, `strive generate` included, against the raw W5 process time).',
          `The ~10k-command campaign runs ${o.runs} times`,
          'into fresh files. `strive report` runs on the large store and, for node start-up and module',
          'loading, on a ~1k-event one. Figures are medians [min-max].',
        ],
        notes: () => [
          'the large `strive run` is one run, not three: at ~1M events it is the longest step of the bench',
          ...(o.sizes.large === 3_750
            ? []
            : [
                `large campaign of ${o.sizes.large} organizations instead of 3,750 (not 1M events)`,
              ]),
        ],
      };
    },
  });
