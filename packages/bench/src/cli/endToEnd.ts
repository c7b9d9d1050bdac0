import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawCommands, W5 } from '../commandWorkload.js';
import { buildLog } from '../readWorkloads.js';
import { compareRows, soloRow, type BenchRow } from '../engine/BenchRow.js';
import { CLI_BIN, campaignStore } from '../engine/campaignStore.js';
import { isMain, logErr, mainOptions, printRows } from '../engine/runMain.js';
import { campaignSizes, type CampaignSizes } from '../suites/campaignSizes.js';

/** Wall seconds of `node packages/cli/dist/bin.js ARGS` (node's start-up included). Does I/O. */
const cliSeconds = (args: readonly string[]): number => {
  const start = process.hrtime.bigint();
  const r = spawnSync('node', [CLI_BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0)
    throw new Error(`strive ${args.join(' ')} failed (${r.status}): ${r.stderr.toString()}`);
  return s;
};

import { measure } from '../stats.js';

const k = (n: number): string => `${Math.round(n / 1e3).toLocaleString('en-US')}k`;

/** The workload label of the large `strive run` row (the goal's row). */
const LARGE_RUN = 'C strive run, large campaign';
/** The workload label of the large `strive report` row (the goal's row). */
export const LARGE_REPORT = 'C strive report, large campaign';

/**
 * C, end to end, on the campaign stores of the run (`campaignStore`, cached in the run's directory:
 * built once by the campaign stage). (1) The `strive run` that built the large (~1M-event) store, one
 * sample, against W5 of raw better-sqlite3 measured here `runs` times (10,000 commands over 1,000
 * streams of 10 events), and the same with CPU seconds when `largeCpuSeconds` (its children's CPU)
 * is known; (2) `strive run` of the ~10k-command campaign into a fresh file, `runs` times,
 * against the same raw W5; (3) `strive report` on the large store and on a ~1k-event store (node's
 * start-up and module loading), seconds, `runs` times each. Does I/O (child processes, files).
 */
export const endToEndWorkload = async (
  runs: number,
  log: (s: string) => void = logErr,
  sizes: CampaignSizes = campaignSizes(3_750),
  largeCpuSeconds: number | null = null,
): Promise<BenchRow[]> => {
  const large = campaignStore({ orgs: sizes.large }, log);
  const tiny = campaignStore({ orgs: sizes.tiny }, log);
  const run = campaignStore({ orgs: sizes.run }, log);
  const dir = mkdtempSync(join(tmpdir(), 'strive-bench-c-'));
  const cli: number[] = [];
  const raw: number[] = [];
  const rawCpu: number[] = [];
  const report: number[] = [];
  const reportTiny: number[] = [];
  try {
    const w5 = join(dir, 'w5.db');
    await buildLog(w5, W5.streams, W5.eventsBefore);
    for (let r = 0; r < runs; r++) {
      const db = join(dir, `run-${r}.db`);
      cli.push(run.commands / cliSeconds(['run', run.commandsFile, '--db', db]));
      const a = join(dir, `raw-${r}.db`);
      copyFileSync(w5, a);
      const m = await measure(() => void rawCommands(a, W5.streams, W5.commands, 900 + r));
      raw.push(W5.commands / (m.wall / 1e3));
      rawCpu.push(W5.commands / (m.cpu / 1e3));
      report.push(cliSeconds(['report', '--db', large.path]));
      reportTiny.push(cliSeconds(['report', '--db', tiny.path]));
      log(
        `C run ${r + 1}: strive run ${cli[r]?.toFixed(0)} cmd/s, W5 raw ${raw[r]?.toFixed(0)} cmd/s; ` +
          `report ${report[r]?.toFixed(2)} s (tiny ${reportTiny[r]?.toFixed(2)} s)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const millions = (large.events / 1e6).toFixed(2);
  return [
    compareRows(
      `${LARGE_RUN}: ${millions}M events, ${k(large.commands)} commands, one run`,
      ['strive run (CLI, engine, SQLite)', [large.commands / large.runSeconds]],
      ['W5 raw better-sqlite3', raw],
      'commands/s',
      'higher',
    )[0],
    ...(largeCpuSeconds === null
      ? []
      : [
          compareRows(
            `${LARGE_RUN}, CPU time: ${millions}M events`,
            ['strive generate + run, CPU s of the children', [large.commands / largeCpuSeconds]],
            ['W5 raw better-sqlite3, CPU s', rawCpu],
            'commands/s',
            'higher',
          )[0],
        ]),
    ...compareRows(
      `C strive run, ${k(run.commands)} commands`,
      ['strive run (CLI, engine, SQLite)', cli],
      ['W5 raw better-sqlite3', raw],
      'commands/s',
      'higher',
    ),
    soloRow(`${LARGE_REPORT}: ${millions}M events`, 'strive report', 's', report),
    soloRow(
      `C strive report, ${k(tiny.events)} events`,
      'strive report (start-up)',
      's',
      reportTiny,
    ),
  ];
};

if (isMain(import.meta.url)) {
  const o = mainOptions('node packages/bench/dist/cli/endToEnd.js');
  printRows('C: strive run and strive report end to end', await endToEndWorkload(o.runs), o.json);
}
