import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchSuites } from './benchSuites.js';
import { parseBenchArgs, USAGE } from './benchArgs.js';
import { PREFACE } from './preface.js';
import { machineLine } from './machineLine.js';
import { writeSection } from './report.js';
import { budgetText } from './run/budgetTable.js';

import { runSuites } from './run/runSuites.js';
import { alarms, figuresText, runFigures, runSection } from './run/runSection.js';
import { sectionFor } from './run/sectionFor.js';
import { selectSuites } from './run/selectSuites.js';
import { childCpuSeconds } from './suites/childCpu.js';
import { findPgServer, type PgServer } from './suites/pgServer.js';

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const parsed = parseBenchArgs(process.argv.slice(2));
if (parsed._tag === 'Usage') {
  log(`${parsed.message}\n\n${USAGE}`);
  process.exit(2);
}
const a = parsed.args;
const started = new Date();
const loadStart = loadavg()[0] ?? 0;
const args = process.argv.slice(2).join(' ');
const command =
  process.env['npm_lifecycle_event'] === 'bench'
    ? `pnpm bench${args === '' ? '' : ` ${args}`}`
    : `node packages/bench/dist/main.js${args === '' ? '' : ` ${args}`}`;

// Every file of the run (SQLite files, the campaign stores) lives in one directory: fresh unless
// --store-dir keeps and reuses it. campaignStore caches under os.tmpdir(), which reads TMPDIR.
const dir = a.storeDir ?? mkdtempSync(join(tmpdir(), 'strive-bench-run-'));
mkdirSync(dir, { recursive: true });
process.env['TMPDIR'] = resolve(dir);

let server: Promise<PgServer> | undefined;
const suites = benchSuites({
  ...a,
  command,
  started,
  server: () => (server ??= findPgServer(a.pgUrl)),
  natsUrl: process.env['STRIVE_NATS_URL'] || '127.0.0.1:4222',
});
const selection = selectSuites(suites, a.only);
if (selection._tag === 'UnknownSuites') {
  log(
    `unknown suite(s) ${selection.unknown.join(', ')}; known: ${selection.known.join(', ')}\n\n${USAGE}`,
  );
  process.exit(2);
}
log(`pnpm bench: ${selection.suites.map((s) => s.id).join(', ')}; files in ${dir}`);

try {
  const run = await runSuites(selection.suites, {
    now: () => Number(process.hrtime.bigint()) / 1e9,
    cpu: () => {
      const children = childCpuSeconds();
      const own = process.cpuUsage();
      return children === undefined ? null : children + (own.user + own.system) / 1e6;
    },
    log,
    done: async (suite, outcome) => {
      if (outcome._tag === 'Done') console.log(`\n${suite.title}\n\n${outcome.text}\n`);
      else console.log(`\n${suite.title}: ${outcome._tag.toUpperCase()}\n`);
      const section = sectionFor(suite, outcome, new Date());
      if (a.md !== undefined && section !== null)
        await writeSection(a.md, suite.id, section, PREFACE);
    },
  });
  const context = {
    date: started,
    command,
    machine: machineLine(),
    loadStart,
    loadEnd: loadavg()[0] ?? 0,
  };
  console.log(`\nEvery ratio of the run\n\n${figuresText(runFigures(run))}`);
  console.log(
    `\nTime budget (load average ${loadStart.toFixed(1)} -> ${context.loadEnd.toFixed(1)})\n\n${budgetText(run.budget)}`,
  );
  for (const line of alarms(run)) console.log(`\n!!! ${line}`);
  if (a.md !== undefined) {
    await writeSection(a.md, 'run', runSection(context, run), PREFACE, 'first');
    log(`\nwrote ${a.md}`);
  }
  if (a.json !== undefined)
    writeFileSync(
      a.json,
      JSON.stringify({ ...context, budget: run.budget, figures: runFigures(run) }, null, 2),
    );
  if (run.outcomes.some(({ outcome }) => outcome._tag === 'Failed')) process.exitCode = 1;
} finally {
  if (a.storeDir === undefined) rmSync(dir, { recursive: true, force: true });
}
