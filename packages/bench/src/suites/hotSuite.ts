import { loadavg } from 'node:os';
import { runHotRace, type HotRun } from '../hot/runHotRace.js';
import { atLeast, ratioText } from '../run/goalRows.js';
import { measuredSection } from '../run/measuredSection.js';
import type { Figure, Suite, SuiteRun } from '../run/Suite.js';
import { alignedText, markdownTable, metCell } from '../run/tables.js';
import { spread, type Spread } from '../stats.js';
import { shownUrl, type PgServer } from './pgServer.js';

/** Options of W6. */
export interface HotOptions extends SuiteRun {
  /** How long every writer sends commands in one run. */
  readonly seconds: number;
  /** Writer process counts, each a row (the goal compares the largest with 1). */
  readonly writers: readonly number[];
  /** Unmeasured evaluations each Strive writer sends first, of another subject (warming its code). */
  readonly warmup: number;
  /** Each Strive writer's pool (3: 16 writers hold 48 connections of the server's 100). */
  readonly poolSize: number;
  readonly server: () => Promise<PgServer>;
}

/** One row of W6: the runs of both sides with one writer count. */
interface HotRow {
  readonly writers: number;
  readonly strive: Spread;
  readonly raw: Spread;
  readonly runs: readonly HotRun[];
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const spreadText = (s: Spread): string => `${fmt(s.median)} [${fmt(s.min)}-${fmt(s.max)}]`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Lost races, lock waits and the mean lock hold (and what it spent) of a row's Strive runs. Pure. */
const lockText = (runs: readonly HotRun[]): string => {
  const s = runs.filter((r) => r.side === 'strive').map((r) => r.total);
  const add = (k: keyof HotRun['total']): number => s.reduce((n, t) => n + t[k], 0);
  const waits = add('lockWaits');
  const per = (k: keyof HotRun['total']): string => (waits === 0 ? '-' : fmt(add(k) / waits));
  return `${fmt(add('lostRaces'))} lost, ${fmt(add('conflicts'))} conflicts, ${fmt(waits)} locks: wait ${per('waitMs')} ms, hold ${per('holdMs')} ms (read ${per('heldReadMs')}, append ${per('heldAppendMs')}, look-up ${per('heldLookupMs')})`;
};
const rawLost = (runs: readonly HotRun[]): string =>
  fmt(runs.filter((r) => r.side === 'raw').reduce((n, r) => n + r.total.lostRaces, 0));

const HEADER = [
  'writers',
  'Strive cmd/s',
  'raw pg cmd/s',
  'Strive / raw',
  'Strive / Strive 1 writer',
  'goal',
  'met',
  'Strive: races and locks (all runs)',
  'raw lost races',
];

/**
 * W6: commands/s on one hot stream with 1, 4 and 16 writer processes on PostgreSQL, the campaign
 * engine at its defaults (an evaluation of one subject by a new evaluator each) against raw `pg`
 * doing read version, decide, insert under `UNIQUE (stream, position)` with jittered retry. Goal: the
 * most writers at >= 0.5x Strive's single-writer rate. Skipped, loudly, without a server. Does I/O.
 */
export const hotSuite = (o: HotOptions): Suite => ({
  id: 'W6',
  title: 'one hot stream, 1-16 writer processes, PostgreSQL (W6)',
  budgetSeconds: 180,
  run: async (log) => {
    const server = await o.server();
    if (server._tag === 'Unreachable') return { _tag: 'Skipped', reason: server.reason };
    const started = o.date();
    const loadBefore = load();
    const rows: HotRow[] = [];
    for (const n of o.writers) {
      const runs: HotRun[] = [];
      for (let i = 0; i < o.runs; i++) {
        const order = i % 2 === 0 ? (['strive', 'raw'] as const) : (['raw', 'strive'] as const);
        for (const side of order) {
          const r = await runHotRace(server.url, side, n, o.seconds, o.poolSize, o.warmup);
          log(
            `W6 ${side} ${n} writers: ${fmt(r.rate)} cmd/s ${JSON.stringify(r.total)} load ${load()}`,
          );
          runs.push(r);
        }
      }
      const rates = (side: HotRun['side']) =>
        runs.filter((r) => r.side === side).map((r) => r.rate);
      rows.push({ writers: n, strive: spread(rates('strive')), raw: spread(rates('raw')), runs });
    }
    const loadAfter = load();
    const single = rows.find((r) => r.writers === 1)?.strive.median;
    const most = Math.max(...o.writers);
    const cells = (r: HotRow): string[] => {
      const scaling = single === undefined ? undefined : r.strive.median / single;
      const goal = r.writers === most && scaling !== undefined ? atLeast(scaling, 0.5) : undefined;
      return [
        String(r.writers),
        spreadText(r.strive),
        spreadText(r.raw),
        ratioText(r.strive.median / r.raw.median),
        scaling === undefined ? '-' : ratioText(scaling),
        goal?.text ?? '-',
        goal === undefined ? '-' : metCell(goal.met),
        lockText(r.runs),
        rawLost(r.runs),
      ];
    };
    const figures: Figure[] = rows.flatMap((r) => {
      const scaling = single === undefined ? undefined : r.strive.median / single;
      return [
        {
          suite: 'W6',
          what: `W6 (${r.writers} writer processes): Strive / raw pg`,
          value: ratioText(r.strive.median / r.raw.median),
          goal: null,
        },
        ...(scaling === undefined || r.writers === 1
          ? []
          : [
              {
                suite: 'W6',
                what: `W6 (${r.writers} writer processes) / Strive with 1 writer`,
                value: ratioText(scaling),
                goal: r.writers === most ? atLeast(scaling, 0.5) : null,
              },
            ]),
      ];
    });
    const markdown = measuredSection({
      heading: '## W6: one hot stream, 1-16 writer processes (PostgreSQL)',
      started,
      command: o.command,
      context: [
        `(server ${shownUrl(server.url)} from ${server.source}; load average ${loadBefore} before,`,
        `${loadAfter} after). Each run starts N writer **processes** together on a fresh schema; each`,
        `sends commands one after another for ${o.seconds} s; the rate is all commands finished over the`,
        "slowest writer's time. Strive: `createCampaignEngine` at its defaults on the PostgreSQL store",
        `(pool ${o.poolSize}), every command a \`SubmitEvaluation\` of the same subject by a new`,
        'evaluator (the subject stream is the hot stream; the campaign stream is read by every command).',
        `Before the start each Strive writer sends ${o.warmup} unmeasured evaluations of the campaign's`,
        "other subject (a member), so that each process's code is warm, as a long-running server's is.",
        'raw pg: one connection per process, `SELECT max(stream_position)`, decide, `INSERT` at version + 1',
        'under `UNIQUE (stream_id, stream_position)`, a unique violation retried after 5-200 ms of',
        `decorrelated jitter. ${o.runs} run(s) per row and side, alternating which side goes first; rates`,
        'are medians [min-max]. Lock figures are per `withStreamLock` call: wait until granted, hold from',
        'grant to the end of its transaction, and what the hold spent in stream reads, appends and',
        'command-id look-ups.',
      ],
      table: markdownTable(HEADER, rows.map(cells)),
    });
    return {
      _tag: 'Done',
      text: alignedText(HEADER, rows.map(cells)),
      markdown,
      figures,
      notes: [`W6: ${o.seconds} s per run, ${o.runs} run(s), load ${loadBefore} -> ${loadAfter}`],
    };
  },
});
