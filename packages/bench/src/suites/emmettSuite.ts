import type { BenchRow } from '../engine/BenchRow.js';
import { goalRowFigures, goalRowsMarkdown, goalRowsText, withGoals } from '../run/goalRows.js';
import type { Suite } from '../run/Suite.js';
import { shownUrl, type PgServer } from './pgServer.js';

/** Options of the Emmett suite: runs and the scale of each store's W1-W5 (1 = the issue's sizes). */
export interface EmmettSuiteOptions {
  readonly runs: number;
  readonly sqliteScale: number;
  readonly postgresScale: number;
  readonly server: () => Promise<PgServer>;
  readonly command: string;
  readonly date: () => Date;
}

/**
 * W1-W5 on Strive's store against Emmett 0.42's, SQLite then PostgreSQL (skipped, loudly, without a
 * server), at a stated reduced scale. No goal: Emmett is a reference. Does I/O.
 */
export const emmettSuite = (o: EmmettSuiteOptions): Suite => ({
  id: 'emmett',
  title: 'Strive vs Emmett 0.42, SQLite and PostgreSQL (W1-W5, reduced scale)',
  budgetSeconds: 90,
  run: async (log) => {
    const started = o.date();
    // Loaded here, not at start: Emmett's dumbo replaces node-postgres's parsers process-wide.
    const { emmettComparison } = await import('../emmett/emmett.js');
    const sqlite = await emmettComparison({
      store: 'sqlite',
      runs: o.runs,
      scale: o.sqliteScale,
      log,
    });
    const server = await o.server();
    const pg: BenchRow[] =
      server._tag === 'Reachable'
        ? await emmettComparison({
            store: 'postgres',
            runs: o.runs,
            scale: o.postgresScale,
            pgUrl: server.url,
            log,
          })
        : [];
    const label = (store: string, rows: BenchRow[]): BenchRow[] =>
      rows.map((r) => ({ ...r, workload: `${store} ${r.workload}` }));
    const rows = withGoals([...label('SQLite', sqlite), ...label('PostgreSQL', pg)], () => null);
    const skipped =
      server._tag === 'Unreachable'
        ? `PostgreSQL rows SKIPPED: ${server.reason}`
        : `PostgreSQL on ${shownUrl(server.url)}, fresh database per open`;
    const scales =
      `SQLite at scale ${o.sqliteScale}, PostgreSQL at scale ${o.postgresScale} of the issue's sizes ` +
      '(each workload and stream count multiplied; W4 keeps 200 events per stream) to fit the 15-minute run';
    const markdown = [
      '## Strive vs Emmett 0.42 through its public API',
      '',
      `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${o.command}\``,
      `(${o.runs} runs). ${scales}. ${skipped}. ratio = Strive rate / Emmett rate in the same`,
      'runs (higher is better for Strive); rates are medians [min-max]. Both sides: WAL and',
      '`synchronous=NORMAL` on SQLite, the server defaults on PostgreSQL.',
      '',
      goalRowsMarkdown(rows),
      '',
    ].join('\n');
    return {
      _tag: 'Done',
      text: `${goalRowsText(rows)}${server._tag === 'Unreachable' ? `\n\n${skipped}` : ''}`,
      markdown,
      figures: goalRowFigures('emmett', rows),
      notes: [scales, ...(server._tag === 'Unreachable' ? [skipped] : [])],
    };
  },
});
