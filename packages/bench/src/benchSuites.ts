import { campaignSizes } from './suites/campaignSizes.js';
import { campaignStage } from './suites/campaignSuite.js';
import { emmettSuite } from './suites/emmettSuite.js';
import { endToEndSuite } from './suites/endToEndSuite.js';
import { hotSuite } from './suites/hotSuite.js';
import { httpSuite } from './suites/httpSuite.js';
import { mapSuite } from './suites/mapSuite.js';
import { natsSuite } from './suites/natsSuite.js';
import { pgSuite } from './suites/pgSuite.js';
import type { PgServer } from './suites/pgServer.js';
import { replaySuite } from './suites/replaySuite.js';
import { scaleSuite } from './suites/scaleSuite.js';
import { sqliteSuite } from './suites/sqliteSuite.js';
import { telemetrySuite } from './suites/telemetrySuite.js';
import type { Suite } from './run/Suite.js';

/** Everything the suites of `pnpm bench` are configured with. */
export interface BenchOptions {
  readonly runs: number;
  /** Unmeasured runs of each side before the measured ones (SQLite and PostgreSQL suites). */
  readonly warmup: number;
  /** Multiplies the sizes of the SQLite, Map and Emmett suites (1 = as stated; < 1 for smoke runs). */
  readonly scale: number;
  readonly campaignOrgs: number;
  /** Scale of the in-memory Map reference (times `scale`). */
  readonly mapScale: number;
  readonly emmettSqliteScale: number;
  readonly emmettPostgresScale: number;
  readonly pgSeconds: number;
  readonly pgWriters: readonly number[];
  readonly server: () => Promise<PgServer>;
  /** The NATS server of the nats suite (`STRIVE_NATS_URL`, default `127.0.0.1:4222`). */
  readonly natsUrl: string;
  readonly command: string;
  readonly started: Date;
}

/**
 * Every suite of `pnpm bench`, in the order they run: the database-free and SQLite suites first,
 * PostgreSQL before Emmett (whose dumbo replaces node-postgres's parsers process-wide), then the
 * campaign stores and the suites that read them (F, C, R). Pure (the suites do I/O when run).
 */
export const benchSuites = (o: BenchOptions): Suite[] => {
  const sizes = campaignSizes(o.campaignOrgs);
  const common = { runs: o.runs, command: o.command, date: () => new Date() };
  const campaign = campaignStage(sizes, o.started);
  return [
    sqliteSuite({
      ...common,
      warmup: o.warmup,
      scale: o.scale,
      only: new Set(['W1', 'W2', 'W3', 'W4', 'W5']),
    }),
    mapSuite({ ...common, scale: o.scale * o.mapScale }),
    httpSuite({ ...common, scale: o.scale }),
    natsSuite({ ...common, scale: o.scale, url: o.natsUrl }),
    pgSuite({
      ...common,
      warmup: o.warmup,
      seconds: o.pgSeconds,
      writers: o.pgWriters,
      server: o.server,
    }),
    hotSuite({
      ...common,
      seconds: o.pgSeconds,
      writers: [1, 4, 16],
      poolSize: 3,
      warmup: 200,
      server: o.server,
    }),
    emmettSuite({
      ...common,
      sqliteScale: o.emmettSqliteScale * o.scale,
      postgresScale: o.emmettPostgresScale * o.scale,
      server: o.server,
    }),
    campaign.suite,
    replaySuite({ ...common, sizes }),
    endToEndSuite({ ...common, sizes, builds: campaign.builds }),
    scaleSuite({ ...common, sizes }),
    telemetrySuite({ ...common, scale: o.scale, campaignOrgs: Math.min(40, o.campaignOrgs) }),
  ];
};
