import type { Suite } from '../run/Suite.js';
import { alignedText } from '../run/tables.js';
import type { CampaignBuild } from './buildCampaigns.js';
import type { CampaignSizes } from './campaignSizes.js';
import { startCampaignBuild } from './startCampaignBuild.js';

/** The campaign stage: its suite, and the builds (for C's `strive run` CPU figure). */
export interface CampaignStage {
  readonly suite: Suite;
  readonly builds: () => Promise<CampaignBuild[]>;
}

/**
 * The generated campaigns of the run, built once in a background child process from the start of
 * the run (`strive generate`, then `strive run --db`, timed; on 2 cores it overlaps the suites that
 * measure before F and C, which sets its commands/s as a lower bound and is why its CPU time is kept
 * too). The suite itself waits for the build. The large store's `strive run` is C's figure; F
 * replays it and C's `strive report` reads it. Does I/O.
 */
export const campaignStage = (sizes: CampaignSizes, since: Date): CampaignStage => {
  let builds: Promise<CampaignBuild[]> | undefined;
  const order = [sizes.tiny, sizes.run, sizes.small, sizes.large];
  const start = (log: (s: string) => void): Promise<CampaignBuild[]> =>
    (builds ??= startCampaignBuild(order, log));
  const suite: Suite = {
    id: 'campaign',
    title: `campaign stores (strive generate + strive run, ${sizes.large.toLocaleString('en-US')} orgs), in the background`,
    budgetSeconds: 60,
    prepare: (log) => void start(log),
    run: async (log) => {
      const done = await start(log);
      const rows = done.map(({ store: s, cpuSeconds }) => [
        `${s.orgs.toLocaleString('en-US')} orgs`,
        s.commands.toLocaleString('en-US'),
        s.events.toLocaleString('en-US'),
        s.runSeconds.toFixed(1),
        Math.round(s.commands / s.runSeconds).toLocaleString('en-US'),
        cpuSeconds === null ? '' : cpuSeconds.toFixed(1),
        Date.parse(s.builtAt) >= since.getTime() ? 'this run' : `cached ${s.builtAt}`,
      ]);
      const header = [
        'campaign',
        'commands',
        'events',
        'run wall s',
        'commands/s',
        'CPU s',
        'built',
      ];
      const cached = done.filter((b) => Date.parse(b.store.builtAt) < since.getTime());
      return {
        _tag: 'Done',
        text: alignedText(header, rows),
        markdown: null,
        figures: [],
        notes: [
          'the campaign stores are built in a background process from the start of the run, overlapping the sqlite, map, pg and emmett suites (their ratios pair both sides in the same conditions); the wall time above is only the wait after those suites',
          ...(cached.length === 0
            ? []
            : [
                `campaign stores reused from --store-dir (built ${cached.map((b) => b.store.builtAt).join(', ')})`,
              ]),
        ],
      };
    },
  };
  return { suite, builds: () => start(() => undefined) };
};
