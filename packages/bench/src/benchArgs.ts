import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** docs/benchmarks.md of the repository (from packages/bench/dist). */
export const DEFAULT_DOC = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));

/** The scales of the Emmett suite that fit the 15-minute run on a loaded 2-core machine. */
const EMMETT_SCALES = { sqlite: 0.1, postgres: 0.02 } as const;

/** The scale of the in-memory Map reference (it has no goal; about 4 min at full size on a loaded 2-core machine). */
const MAP_SCALE = 0.1;

/** The command line of `pnpm bench`, checked. */
interface BenchArgs {
  readonly only: string | undefined;
  readonly runs: number;
  /** Unmeasured runs of each side before the measured ones (SQLite and PostgreSQL suites). */
  readonly warmup: number;
  readonly scale: number;
  /** The Markdown file to write, or undefined for `--no-md`. */
  readonly md: string | undefined;
  readonly json: string | undefined;
  readonly pgUrl: string | undefined;
  readonly storeDir: string | undefined;
  readonly campaignOrgs: number;
  readonly mapScale: number;
  readonly emmettSqliteScale: number;
  readonly emmettPostgresScale: number;
  readonly pgSeconds: number;
  readonly pgWriters: readonly number[];
}

/** How to call `pnpm bench` / `node packages/bench/dist/main.js`. */
export const USAGE = `usage: pnpm bench [options]   (= pnpm -s build && node packages/bench/dist/main.js [options])
  --only LIST          suites: sqlite,map,http,nats,pg,emmett,campaign,F,C,telemetry (default all but
                       telemetry, which runs only when named; F and C add campaign)
  --runs N             runs of every measurement (default 3)
  --warmup N           unmeasured runs of each side first, SQLite and PostgreSQL suites (default 1)
  --scale F            0<F<=1, multiplies the SQLite, Map and Emmett sizes (default 1; smoke runs)
  --md FILE            the Markdown file to write (default docs/benchmarks.md)
  --no-md              write no Markdown
  --json FILE          the figures and the budget as JSON
  --pg-url URL         PostgreSQL server (default STRIVE_PG_URL, else ${'postgres://postgres@127.0.0.1:5432/test'} if it answers)
  --store-dir DIR      keep the run's files (campaign stores) in DIR and reuse them next time
  --campaign-orgs N    organizations of the large campaign (default 3750: ~1.01M events)
  --map-scale F        scale of the in-memory Map reference (default ${MAP_SCALE})
  --emmett-scale S,P   Emmett SQLite and PostgreSQL scales (default ${EMMETT_SCALES.sqlite},${EMMETT_SCALES.postgres})
  --pg-seconds S       cap of one PostgreSQL W1/W5 run per side (default 4)
  --pg-writers LIST    concurrent writers of PostgreSQL W1 (default 1)`;

/** The parsed command line, or a message saying what is wrong. */
export type ParsedArgs =
  | { readonly _tag: 'Args'; readonly args: BenchArgs }
  | { readonly _tag: 'Usage'; readonly message: string };

const positive = (s: string): boolean => Number.isFinite(Number(s)) && Number(s) > 0;
const fraction = (s: string): boolean => positive(s) && Number(s) <= 1;
const count = (s: string): boolean => Number.isInteger(Number(s)) && Number(s) >= 1;

/** Parses the command line of `pnpm bench`. Pure. */
export const parseBenchArgs = (argv: readonly string[]): ParsedArgs => {
  let v;
  try {
    v = parseArgs({
      args: [...argv],
      options: {
        only: { type: 'string' },
        runs: { type: 'string', default: '3' },
        warmup: { type: 'string', default: '1' },
        scale: { type: 'string', default: '1' },
        md: { type: 'string', default: DEFAULT_DOC },
        'no-md': { type: 'boolean', default: false },
        json: { type: 'string' },
        'pg-url': { type: 'string' },
        'store-dir': { type: 'string' },
        'campaign-orgs': { type: 'string', default: '3750' },
        'map-scale': { type: 'string', default: String(MAP_SCALE) },
        'emmett-scale': {
          type: 'string',
          default: `${EMMETT_SCALES.sqlite},${EMMETT_SCALES.postgres}`,
        },
        'pg-seconds': { type: 'string', default: '4' },
        'pg-writers': { type: 'string', default: '1' },
      },
    }).values;
  } catch (e) {
    return { _tag: 'Usage', message: e instanceof Error ? e.message : String(e) };
  }
  const emmett = v['emmett-scale'].split(',');
  const writers = v['pg-writers'].split(',');
  const bad = [
    count(v.runs) ? [] : ['--runs must be an integer >= 1'],
    count(v.warmup) || v.warmup === '0' ? [] : ['--warmup must be an integer >= 0'],
    fraction(v.scale) ? [] : ['--scale must be in (0, 1]'],
    count(v['campaign-orgs']) ? [] : ['--campaign-orgs must be an integer >= 1'],
    emmett.length === 2 && emmett.every(fraction)
      ? []
      : ['--emmett-scale must be two numbers in (0, 1]'],
    fraction(v['map-scale']) ? [] : ['--map-scale must be in (0, 1]'],
    positive(v['pg-seconds']) ? [] : ['--pg-seconds must be > 0'],
    writers.every(count) ? [] : ['--pg-writers must be integers >= 1'],
  ].flat();
  if (bad.length > 0) return { _tag: 'Usage', message: bad.join('; ') };
  return {
    _tag: 'Args',
    args: {
      only: v.only,
      runs: Number(v.runs),
      warmup: Number(v.warmup),
      scale: Number(v.scale),
      md: v['no-md'] ? undefined : v.md,
      json: v.json,
      pgUrl: v['pg-url'],
      storeDir: v['store-dir'],
      campaignOrgs: Number(v['campaign-orgs']),
      mapScale: Number(v['map-scale']),
      emmettSqliteScale: Number(emmett[0]),
      emmettPostgresScale: Number(emmett[1]),
      pgSeconds: Number(v['pg-seconds']),
      pgWriters: writers.map(Number),
    },
  };
};
