import { warmUpText } from '../report.js';
import { atLeast } from '../run/goalRows.js';
import { measuredSection } from '../run/measuredSection.js';
import type { Suite, SuiteRun } from '../run/Suite.js';
import { alignedText, markdownTable, metCell } from '../run/tables.js';
import { decodePgRows, type PgRow } from './pgRows.js';
import { shownUrl, type PgServer } from './pgServer.js';

/** The PostgreSQL owner's workloads, loaded when the suite runs (plain JavaScript, built store). */
const WORKLOADS = new URL('../../../store-postgres/bench/workloads.js', import.meta.url);

/** Options of the PostgreSQL suite. */
export interface PgOptions extends SuiteRun {
  /** Unmeasured runs of each side before the measured ones. */
  readonly warmup: number;
  /** Cap of one W1 / W5 run, seconds (the full 50,000 appends take ~80 s a side at ~650/s). */
  readonly seconds: number;
  /** Concurrent writers of W1 (the goal row is 1). */
  readonly writers: readonly number[];
  readonly server: () => Promise<PgServer>;
}

const goalOf = (r: PgRow): number => (r.id === 'W5' ? 0.6 : 0.8);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const spreadText = (s: { median: number; min: number; max: number }): string =>
  `${fmt(s.median)} [${fmt(s.min)}-${fmt(s.max)}]`;
const HEADER = ['workload', 'writers', 'Strive', 'raw pg', 'unit', 'ratio', 'goal', 'met'];
const cells = (r: PgRow): string[] => {
  const g = atLeast(r.ratio, goalOf(r));
  return [
    r.id,
    String(r.writers),
    spreadText(r.store),
    spreadText(r.raw),
    r.unit,
    r.ratio.toFixed(2),
    g.text,
    metCell(g.met),
  ];
};

/**
 * W1-W5 of Strive's PostgreSQL store against raw `pg` on the same server, through the store owner's
 * `runWorkloads` (packages/store-postgres/bench/workloads.js); skipped, loudly, without a server.
 * Goals: >= 0.8 on W1-W4, >= 0.6 on W5. Does I/O.
 */
export const pgSuite = (o: PgOptions): Suite => ({
  id: 'pg',
  title: 'PostgreSQL store vs raw pg (W1-W5)',
  budgetSeconds: 180,
  run: async (log) => {
    const server = await o.server();
    if (server._tag === 'Unreachable') return { _tag: 'Skipped', reason: server.reason };
    const started = o.date();
    const warmText = warmUpText(o.warmup);
    const mod: unknown = await import(WORKLOADS.href);
    const runWorkloads: unknown =
      typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'runWorkloads') : undefined;
    if (typeof runWorkloads !== 'function')
      throw new Error(`${WORKLOADS.pathname} no longer exports runWorkloads`);
    const options = {
      url: server.url,
      runs: o.runs,
      warmup: o.warmup,
      seconds: o.seconds,
      writers: o.writers,
      log: (row: unknown) => log(`pg ${JSON.stringify(row)}`),
    };
    const result: unknown = await Reflect.apply(runWorkloads, undefined, [options]);
    const rows = decodePgRows(result);
    const capped = `W1 and W5 capped at ${o.seconds} s per run and side (rates over what each side did in that time)`;
    const markdown = measuredSection({
      heading: '## PostgreSQL store vs raw `pg`',
      started,
      command: o.command,
      context: [
        `(${warmText} of each side, then ${o.runs} runs alternating which side goes`,
        `first; server ${shownUrl(server.url)} from ${server.source}, its default`,
        `\`synchronous_commit\` on both sides). Rates are medians [min-max]; ratio = Strive / raw`,
        `median rate. ${capped}; W2-W4 at full size. The workloads are the store owner's`,
        '`packages/store-postgres/bench/workloads.js`.',
      ],
      table: markdownTable(HEADER, rows.map(cells)),
    });
    return {
      _tag: 'Done',
      text: alignedText(HEADER, rows.map(cells)),
      markdown,
      figures: rows.map((r) => ({
        suite: 'pg',
        what: `${r.id}${r.id === 'W1' ? ` (${r.writers} writer${r.writers === 1 ? '' : 's'})` : ''}: Strive PostgreSQL / raw pg`,
        value: r.ratio.toFixed(2),
        goal: atLeast(r.ratio, goalOf(r)),
      })),
      notes: [
        capped,
        `W1 with ${o.writers.join(', ')} concurrent writer(s)`,
        `${warmText} of each side first`,
      ],
    };
  },
});
