import type { BenchRow } from '../engine/BenchRow.js';
import { goalRowSuite } from '../run/goalRowSuite.js';
import type { Suite, SuiteRun } from '../run/Suite.js';
import { shownUrl, type PgServer } from './pgServer.js';

/** Options of the Emmett suite: runs and the scale of each store's W1-W5 (1 = the sizes). */
export interface EmmettSuiteOptions extends SuiteRun {
  readonly sqliteScale: number;
  readonly postgresScale: number;
  readonly server: () => Promise<PgServer>;
}

/**
 * W1-W5 on Strive's store against Emmett 0.42's, SQLite then PostgreSQL (skipped, loudly, without a
 * server), at a stated reduced scale. No goal: Emmett is a reference. Does I/O.
 */
export const emmettSuite = (o: EmmettSuiteOptions): Suite =>
  goalRowSuite(o, {
    id: 'emmett',
    title: 'Strive vs Emmett 0.42, SQLite and PostgreSQL (W1-W5, reduced scale)',
    budgetSeconds: 90,
    heading: '## Strive vs Emmett 0.42 through its public API',
    goal: () => null,
    measure: async (log) => {
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
      const skipped =
        server._tag === 'Unreachable'
          ? `PostgreSQL rows SKIPPED: ${server.reason}`
          : `PostgreSQL on ${shownUrl(server.url)}, fresh database per open`;
      const scales =
        `SQLite at scale ${o.sqliteScale}, PostgreSQL at scale ${o.postgresScale} of the issue's sizes ` +
        '(each workload and stream count multiplied; W4 keeps 200 events per stream) to fit the 15-minute run';
      return {
        rows: [...label('SQLite', sqlite), ...label('PostgreSQL', pg)],
        context: [
          `(${o.runs} runs). ${scales}. ${skipped}. ratio = Strive rate / Emmett rate in the same`,
          'runs (higher is better for Strive); rates are medians [min-max]. Both sides: WAL and',
          '`synchronous=NORMAL` on SQLite, the server defaults on PostgreSQL.',
        ],
        notes: () => [scales, ...(server._tag === 'Unreachable' ? [skipped] : [])],
        ...(server._tag === 'Unreachable' ? { textAfter: `\n\n${skipped}` } : {}),
      };
    },
  });
