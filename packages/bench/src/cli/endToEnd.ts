import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawCommands, striveCommands, W5 } from '../commandWorkload.js';
import { buildLog } from '../readWorkloads.js';
import { compareRows, soloRow, type BenchRow } from '../engine/BenchRow.js';
import { CLI_BIN, campaignStore } from '../engine/campaignStore.js';
import { REPLAY_SIZES } from '../engine/replay.js';
import { isMain, logErr, mainOptions, printRows } from '../engine/runMain.js';

/** The campaign `strive run` executes in each timed run: 40 organizations, about 10k commands. */
export const RUN_ORGS = 40;

/** Wall seconds of `node packages/cli/dist/bin.js ARGS` (node's start-up included). Does I/O. */
export const cliSeconds = (args: readonly string[]): number => {
  const start = process.hrtime.bigint();
  const r = spawnSync('node', [CLI_BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0)
    throw new Error(`strive ${args.join(' ')} failed (${r.status}): ${r.stderr.toString()}`);
  return s;
};

const timeMs = async (work: () => unknown): Promise<number> => {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/**
 * C, end to end. (1) `strive run` of a generated ~10k-command campaign into a fresh SQLite file, as
 * a child process, against W5 of the SQLite suite in the same run (10,000 commands over 1,000 streams:
 * raw better-sqlite3 and Strive's store alone), commands/s, `runs` times; (2) the one `strive run` that
 * built the cached ~1M-event store (one sample, measured when it was cached); (3) `strive report` on
 * that store, seconds, `runs` times, with `strive report` on a 1k-event store for node's start-up and
 * module loading. Does I/O (child processes, temporary files).
 */
export const endToEndWorkload = async (
  runs: number,
  log: (s: string) => void = logErr,
  largeOrgs: number = REPLAY_SIZES.large.orgs,
): Promise<BenchRow[]> => {
  const large = campaignStore({ orgs: largeOrgs }, log);
  const tiny = campaignStore({ orgs: 4 }, log);
  const run = campaignStore({ orgs: RUN_ORGS }, log);
  const dir = mkdtempSync(join(tmpdir(), 'strive-bench-c-'));
  const cli: number[] = [];
  const raw: number[] = [];
  const store: number[] = [];
  const report: number[] = [];
  const reportTiny: number[] = [];
  try {
    const w5 = join(dir, 'w5.db');
    await buildLog(w5, W5.streams, W5.eventsBefore);
    for (let r = 0; r < runs; r++) {
      const db = join(dir, `run-${r}.db`);
      const s = cliSeconds(['run', run.commandsFile, '--db', db]);
      cli.push(run.commands / s);
      const [a, b] = [join(dir, `raw-${r}.db`), join(dir, `store-${r}.db`)];
      copyFileSync(w5, a);
      copyFileSync(w5, b);
      raw.push(
        W5.commands /
          ((await timeMs(() => rawCommands(a, W5.streams, W5.commands, 900 + r))) / 1e3),
      );
      store.push(
        W5.commands /
          ((await timeMs(() => striveCommands(b, W5.streams, W5.commands, 900 + r))) / 1e3),
      );
      report.push(cliSeconds(['report', '--db', large.path]));
      reportTiny.push(cliSeconds(['report', '--db', tiny.path]));
      log(
        `C run ${r + 1}: strive run ${cli[r]?.toFixed(0)} cmd/s, W5 raw ${raw[r]?.toFixed(0)}, ` +
          `W5 store ${store[r]?.toFixed(0)}; report ${report[r]?.toFixed(2)} s (tiny ${reportTiny[r]?.toFixed(2)} s)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const k = (n: number): string => `${Math.round(n / 1e3)}k`;
  return [
    ...compareRows(
      `C strive run, ${k(run.commands)} commands`,
      ['strive run (CLI, engine, SQLite)', cli],
      ['W5 raw better-sqlite3', raw],
      'commands/s',
      'higher',
    ),
    compareRows(
      `C strive run, ${k(run.commands)} commands`,
      ['W5 Strive SQLite store alone', store],
      ['W5 raw better-sqlite3', raw],
      'commands/s',
      'higher',
    )[0],
    soloRow(
      `C strive run, ${(large.events / 1e6).toFixed(2)}M events (${k(large.commands)} commands), once`,
      'strive run (when the store was cached)',
      'commands/s',
      [large.commands / large.runSeconds],
    ),
    soloRow(
      `C strive report, ${(large.events / 1e6).toFixed(2)}M events`,
      'strive report',
      's',
      report,
    ),
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
