import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { markdownSection, textTable, writeSection, type Row } from './report.js';
import { PREFACE } from './preface.js';
import { spread } from './stats.js';
import { sqliteWorkloads } from './workloads.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scale: { type: 'string', default: '1' },
    only: { type: 'string', default: 'W1,W2,W3,W4,W5' },
    json: { type: 'string' },
    md: { type: 'string' },
  },
});
const runs = Number(values.runs);
const scale = Number(values.scale);
const only = new Set(values.only.split(','));
if (!Number.isInteger(runs) || runs < 1 || !(scale > 0 && scale <= 1))
  throw new Error(
    'usage: main.js [--runs N>=1] [--scale 0<F<=1] [--only W1,...,W5] [--json out.json] [--md docs/benchmarks.md]',
  );

const dir = mkdtempSync(join(tmpdir(), 'strive-bench-'));
let files = 0;
const fresh = (name: string): string => join(dir, `${name}-${++files}.db`);
const log = (s: string): void => void process.stderr.write(`${s}\n`);
const rows: Row[] = [];
const started = new Date();

try {
  for (const w of sqliteWorkloads(scale, fresh).filter((x) => only.has(x.id))) {
    await w.prepare();
    const times = [];
    for (let r = 0; r < runs; r++) {
      const t = await w.run(r);
      times.push(t);
      log(
        `${w.id} run ${r + 1}: strive ${t.strive.wall.toFixed(0)} ms (CPU ${t.strive.cpu.toFixed(0)}), ` +
          `raw ${t.raw.wall.toFixed(0)} ms (CPU ${t.raw.cpu.toFixed(0)})`,
      );
    }
    rows.push({
      id: w.id,
      workload: w.title,
      items: w.items,
      unit: w.unit,
      goal: w.goal,
      strive: spread(times.map((t) => t.strive.wall)),
      reference: spread(times.map((t) => t.raw.wall)),
      ratio: spread(times.map((t) => t.raw.wall / t.strive.wall)),
      cpuRatio: spread(times.map((t) => t.raw.cpu / t.strive.cpu)),
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const command = `node packages/bench/dist/main.js ${process.argv.slice(2).join(' ')}`.trim();
console.log(
  `Strive SQLite store vs raw better-sqlite3 (WAL, synchronous=NORMAL), ${runs} runs, scale ${scale}\n`,
);
console.log(textTable(rows));
console.log(
  '\nratio = raw time / Strive time of each run, median [min-max]; CPU ratio the same with CPU time.',
);
const missed = rows.filter((r) => r.ratio.median < r.goal).map((r) => r.id);
if (missed.length > 0) console.log(`below goal: ${missed.join(', ')}`);
if (values.md !== undefined) {
  const section = markdownSection(
    {
      title: 'SQLite store vs raw better-sqlite3',
      reference: 'raw',
      command,
      runs,
      scale,
      date: started,
    },
    rows,
  );
  await writeSection(resolve(values.md), 'sqlite', section, PREFACE);
}
if (values.json !== undefined)
  writeFileSync(values.json, JSON.stringify({ node: process.version, runs, scale, rows }, null, 2));
