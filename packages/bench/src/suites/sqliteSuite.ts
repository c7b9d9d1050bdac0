import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownSection, textTable, type Row } from '../report.js';
import { atLeast } from '../run/goalRows.js';
import type { Suite } from '../run/Suite.js';
import { measureRuns } from '../measureRuns.js';
import { spread } from '../stats.js';
import { sqliteWorkloads } from '../workloads.js';

/** Options of the SQLite suite: runs, scale (1 = the issue's sizes), the workloads, the command line. */
export interface SqliteOptions {
  readonly runs: number;
  /** Unmeasured runs of each workload before the measured ones. */
  readonly warmup: number;
  readonly scale: number;
  readonly only: ReadonlySet<string>;
  readonly command: string;
  readonly date: () => Date;
}

const ratioText = (r: Row): string =>
  `${r.ratio.median.toFixed(2)} [${r.ratio.min.toFixed(2)}-${r.ratio.max.toFixed(2)}]`;

/**
 * W1-W5: Strive's SQLite store against raw better-sqlite3, sides back to back in each run, fresh
 * temporary files. Goals: >= 0.8 on W1-W4, >= 0.6 on W5. Does I/O.
 */
export const sqliteSuite = (o: SqliteOptions): Suite => ({
  id: 'sqlite',
  title: 'SQLite store vs raw better-sqlite3 (W1-W5)',
  budgetSeconds: 270,
  run: async (log) => {
    const started = o.date();
    const dir = mkdtempSync(join(tmpdir(), 'strive-bench-'));
    let files = 0;
    const fresh = (name: string): string => join(dir, `${name}-${++files}.db`);
    const rows: Row[] = [];
    try {
      for (const w of sqliteWorkloads(o.scale, fresh).filter((x) => o.only.has(x.id))) {
        await w.prepare();
        const times = await measureRuns(w.run, o.runs, o.warmup, (what, r, t) =>
          log(
            `${w.id} ${what === 'run' ? `run ${r + 1}` : 'warm-up (not counted)'}: ` +
              `strive ${t.strive.wall.toFixed(0)} ms (CPU ${t.strive.cpu.toFixed(0)}), ` +
              `raw ${t.raw.wall.toFixed(0)} ms (CPU ${t.raw.cpu.toFixed(0)})`,
          ),
        );
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
    const context = {
      title: 'SQLite store vs raw better-sqlite3',
      reference: 'raw',
      command: o.command,
      runs: o.runs,
      warmup: o.warmup,
      scale: o.scale,
      date: started,
    };
    return {
      _tag: 'Done',
      text: `${textTable(rows)}\n\nratio = raw time / Strive time of each run, median [min-max]; CPU ratio the same with CPU time.`,
      markdown: markdownSection(context, rows),
      figures: rows.map((r) => ({
        suite: 'sqlite',
        what: `${r.id}: Strive SQLite / raw better-sqlite3`,
        value: ratioText(r),
        goal: atLeast(r.ratio.median, r.goal),
      })),
      notes: o.scale === 1 ? [] : [`scale ${o.scale} of the issue's sizes (a smoke run)`],
    };
  },
});
