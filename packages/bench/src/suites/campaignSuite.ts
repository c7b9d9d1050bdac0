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
 * The generated campaigns of the run, built once in a child process when this suite runs, after
 * the sqlite, map, pg and emmett suites, so that nothing else shares the 2 cores with them or with
 * the build (`strive generate`, then `strive run --db`, timed; its CPU time is kept too). Until
 * 2026-11-28 the build ran in the background from the start of the run, which saved about 3.5 min
 * but loaded one core during every store measurement. The large store's `strive run` is C's
 * figure; F replays it and C's `strive report` reads it. Does I/O.
 */
export const campaignStage = (sizes: CampaignSizes, since: Date): CampaignStage => {
  let builds: Promise<CampaignBuild[]> | undefined;
  const order = [sizes.tiny, sizes.run, sizes.small, sizes.large];
  const start = (log: (s: string) => void): Promise<CampaignBuild[]> =>
    (builds ??= startCampaignBuild(order, log));
  const suite: Suite = {
    id: 'campaign',
    title: `campaign stores (strive generate + strive run, ${sizes.large.toLocaleString('en-US')} orgs)`,
    budgetSeconds: 330,
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
          'the campaign stores are built in a child process after the store suites, on an otherwise idle machine (nothing else of the run measures meanwhile)',
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
