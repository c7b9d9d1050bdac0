import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareRows, soloRow, type BenchRow } from '../engine/BenchRow.js';
import { CLI_BIN, campaignStore, type CampaignStore } from '../engine/campaignStore.js';
import { isMain, logErr, mainOptions, printRows } from '../engine/runMain.js';
import { campaignSizes, type CampaignSizes } from '../suites/campaignSizes.js';
import { isCurrentExport } from './currentExport.js';
import { renderSeconds } from './renderPage.js';
import { runChild } from './runChild.js';

const PLAIN_FOLD = fileURLToPath(new URL('./plainFold.js', import.meta.url));

const k = (n: number): string => `${Math.round(n / 1e3).toLocaleString('en-US')}k`;

/**
 * The exported log of a campaign store, cached beside it (`strive export`; exported again when the
 * cached one is in an earlier format). Does I/O.
 */
const exportedLog = (store: CampaignStore, log: (s: string) => void): string => {
  const file = `${store.path}.log.jsonl`;
  if (isCurrentExport(file)) return file;
  log(`exporting ${store.path} to ${file}`);
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  try {
    const r = spawnSync('node', [CLI_BIN, 'export', '--db', store.path], {
      stdio: ['ignore', fd, 'inherit'],
    });
    if (r.status !== 0) throw new Error(`strive export failed (${r.status}) for ${store.path}`);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return file;
};

/** The workload label prefixes the goals of R match. */
export const LABELS = {
  replay: 'R replay',
  replayRss: 'R replay peak RSS',
  html: 'R report --html',
} as const;

const replayRows = (
  store: CampaignStore,
  file: string,
  runs: number,
  log: (s: string) => void,
): BenchRow[] => {
  const replay: number[] = [];
  const plain: number[] = [];
  const peaks: number[] = [];
  for (let r = 0; r < runs; r++) {
    const p = runChild(PLAIN_FOLD, [file]);
    const s = runChild(CLI_BIN, ['replay', file, '--json']);
    plain.push(store.events / p.seconds);
    replay.push(store.events / s.seconds);
    peaks.push(s.peakMiB);
    log(
      `R replay ${k(store.events)} run ${r + 1}: ${s.seconds.toFixed(2)} s (plain fold ${p.seconds.toFixed(2)} s), peak ${s.peakMiB.toFixed(0)} MiB`,
    );
  }
  return [
    ...compareRows(
      `${LABELS.replay} ${k(store.events)} events, chain verified`,
      ['strive replay FILE --json (child, start-up included)', replay],
      ['plain JSON.parse-and-fold (child)', plain],
      'events/s',
      'higher',
    ),
    soloRow(`${LABELS.replayRss} at ${k(store.events)} events`, 'strive replay', 'MiB', peaks),
  ];
};

const htmlRows = async (
  store: CampaignStore,
  runs: number,
  log: (s: string) => void,
): Promise<BenchRow[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'strive-bench-r-'));
  try {
    const page = join(dir, 'report.html');
    // Unmeasured: the first read catches the store's projections up (timelines) and warms the cache.
    runChild(CLI_BIN, ['report', '--db', store.path, '--html', page]);
    const seconds: number[] = [];
    const peaks: number[] = [];
    for (let r = 0; r < runs; r++) {
      const run = runChild(CLI_BIN, ['report', '--db', store.path, '--html', page]);
      seconds.push(run.seconds);
      peaks.push(run.peakMiB);
      log(
        `R report --html run ${r + 1}: ${run.seconds.toFixed(2)} s, ${run.peakMiB.toFixed(0)} MiB`,
      );
    }
    const mb = statSync(page).size / 1e6;
    const render = await renderSeconds(page, runs);
    log(`R render: ${render.map((s) => s.toFixed(2)).join(', ')} s`);
    const at = `${k(store.events)} events`;
    return [
      soloRow(`${LABELS.html} build time at ${at}`, 'strive report --html (child)', 's', seconds),
      soloRow(`${LABELS.html} peak RSS at ${at}`, 'strive report --html', 'MiB', peaks),
      soloRow(`${LABELS.html} file size at ${at}`, 'the page', 'MB', [mb]),
      soloRow(`${LABELS.html} render at ${at}`, 'headless Chromium, until drawn', 's', render),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * R, the CLI at scale on the run's campaign stores: `strive replay` of each exported log (chain
 * verified) against a plain JSON.parse-and-fold of the same file, both child processes, and replay's
 * peak RSS, at the small (~100k) and large (~1M) sizes; then `strive report --html` of the large
 * store: build time, peak RSS, file size, and its render time in headless Chromium. Does I/O.
 */
export const scaleWorkload = async (
  runs: number,
  log: (s: string) => void = logErr,
  sizes: CampaignSizes = campaignSizes(3_750),
): Promise<BenchRow[]> => {
  const small = campaignStore({ orgs: sizes.small }, log);
  const large = campaignStore({ orgs: sizes.large }, log);
  return [
    ...replayRows(small, exportedLog(small, log), runs, log),
    ...replayRows(large, exportedLog(large, log), runs, log),
    ...(await htmlRows(large, runs, log)),
  ];
};

if (isMain(import.meta.url)) {
  const o = mainOptions('node packages/bench/dist/scale/scaleWorkload.js');
  const sizes = campaignSizes(Math.max(1, Math.round(3_750 * o.scale)));
  printRows('R: replay and report at scale', await scaleWorkload(o.runs, logErr, sizes), o.json);
}
