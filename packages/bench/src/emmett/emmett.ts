import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchRow } from '../engine/BenchRow.js';
import { isMain, logErr, printRows } from '../engine/runMain.js';
import { emmettPostgresFactory } from './emmettPostgresSubject.js';
import { emmettSqliteFactory } from './emmettSqliteSubject.js';
import { EMMETT_WORKLOADS, emmettWorkloads } from './emmettWorkloads.js';
import { strivePostgresFactory, striveSqliteFactory } from './striveFactories.js';

/** The PostgreSQL server of the Emmett comparison (a fresh database is made per run and dropped). */
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Options of the Emmett comparison. */
export interface EmmettOptions {
  readonly store: 'sqlite' | 'postgres';
  readonly runs: number;
  readonly scale: number;
  readonly only?: readonly string[];
  readonly pgUrl?: string;
  readonly log?: (s: string) => void;
}

/**
 * W1-W5 on Strive's store against Emmett 0.42's on the same engine (SQLite files in a temporary
 * directory, or fresh PostgreSQL databases), ratio = Strive rate / Emmett rate in the same runs. Does I/O.
 * @example await emmettComparison({ store: 'sqlite', runs: 3, scale: 1 })
 */
export const emmettComparison = async (o: EmmettOptions): Promise<BenchRow[]> => {
  const only = new Set(o.only ?? EMMETT_WORKLOADS);
  const log = o.log ?? logErr;
  if (o.store === 'postgres') {
    const url = o.pgUrl ?? process.env['STRIVE_PG_URL'] ?? DEFAULT_PG_URL;
    return emmettWorkloads(
      strivePostgresFactory(url),
      emmettPostgresFactory(url),
      o.runs,
      o.scale,
      only,
      log,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'strive-bench-emmett-'));
  let files = 0;
  const fresh = (): string => join(dir, `db-${++files}.db`);
  try {
    return await emmettWorkloads(
      striveSqliteFactory(fresh),
      emmettSqliteFactory(fresh),
      o.runs,
      o.scale,
      only,
      log,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      store: { type: 'string', default: 'sqlite' },
      runs: { type: 'string', default: '3' },
      scale: { type: 'string', default: '1' },
      only: { type: 'string', default: EMMETT_WORKLOADS.join(',') },
      json: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const scale = Number(values.scale);
  const store = values.store;
  if (
    (store !== 'sqlite' && store !== 'postgres') ||
    !Number.isInteger(runs) ||
    runs < 1 ||
    !(scale > 0 && scale <= 1)
  )
    throw new Error(
      'usage: node packages/bench/dist/emmett/emmett.js [--store sqlite|postgres] [--runs N] [--scale F] [--only W1,...] [--json out.json]',
    );
  const rows = await emmettComparison({ store, runs, scale, only: values.only.split(',') });
  printRows(
    `Strive vs Emmett 0.42, ${store}, ${runs} runs, scale ${scale} (ratio = Strive / Emmett rate)`,
    rows,
    values.json,
  );
}
