import { campaignStore, type CampaignStore } from '../engine/campaignStore.js';
import { isMain } from '../engine/runMain.js';
import { childCpuSeconds } from './childCpu.js';

/** One campaign store of the run and the CPU seconds its `strive generate` + `strive run` took. */
export interface CampaignBuild {
  readonly store: CampaignStore;
  /** CPU of the child processes that built it (generate + run), or null when cached or unknown. */
  readonly cpuSeconds: number | null;
}

/**
 * Builds (or finds cached) the campaign stores of `orgs`, one after the other, with `campaignStore`
 * (synchronous child processes: this runs in its own process, see `startCampaignBuild`). Does I/O.
 */
export const buildCampaigns = (
  orgs: readonly number[],
  log: (s: string) => void,
): CampaignBuild[] =>
  orgs.map((o) => {
    const before = childCpuSeconds();
    const store = campaignStore({ orgs: o }, log);
    const after = childCpuSeconds();
    const cpu = before === undefined || after === undefined ? null : after - before;
    return { store, cpuSeconds: cpu !== null && cpu > 0 ? cpu : null };
  });

if (isMain(import.meta.url)) {
  const orgs = process.argv.slice(2).map(Number);
  const builds = buildCampaigns(orgs, (s) => void process.stderr.write(`[campaign] ${s}\n`));
  process.stdout.write(JSON.stringify(builds));
}
