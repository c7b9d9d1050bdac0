import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createCampaignEngine } from '@strive/campaign';
import { createPostgresEventStore } from '@strive/store-postgres';
import pg from 'pg';
import { hotCampaign } from './hotCommands.js';
import { rawHotDdl } from './rawHot.js';
import type { WriterArgs, WriterReport } from './writerArgs.js';

const WRITER = fileURLToPath(new URL('./hotWriter.js', import.meta.url));

/** One W6 run: the writers' reports summed, and the rate over the slowest writer's wall time. */
export interface HotRun {
  readonly side: WriterArgs['side'];
  readonly writers: number;
  /** Commands finished per second, all writers together. */
  readonly rate: number;
  readonly total: WriterReport;
}

const isReport = (u: unknown): u is WriterReport =>
  typeof u === 'object' && u !== null && 'done' in u && typeof u.done === 'number';

/** Starts one writer; resolves with its report once it printed `ready` and was told to go. */
const startWriter = (
  args: WriterArgs,
): { ready: Promise<void>; go: () => void; report: Promise<WriterReport> } => {
  const child = spawn(process.execPath, [WRITER, JSON.stringify(args)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const report = new Promise<WriterReport>((resolve, reject) => {
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      const parsed: unknown = last.startsWith('{') ? JSON.parse(last) : undefined;
      if (code === 0 && isReport(parsed)) resolve(parsed);
      else reject(new Error(`W6 writer ${args.writer} (${args.side}) exited ${code}: ${err}`));
    });
  });
  report.catch(() => onReady());
  return { ready, go: () => child.stdin.end('go\n'), report };
};

const sum = (rs: readonly WriterReport[], k: keyof WriterReport): number =>
  rs.reduce((n, r) => n + r[k], 0);

/**
 * Prepares a fresh schema (Strive: the campaign up to its evaluating phase; raw: the table), runs
 * `writers` writer processes started together, drops the schema. Does I/O (processes, PostgreSQL).
 */
export const runHotRace = async (
  url: string,
  side: WriterArgs['side'],
  writers: number,
  seconds: number,
  poolSize: number,
  warmup = 0,
): Promise<HotRun> => {
  const schema = `w6_${side}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    if (side === 'raw') await admin.query(rawHotDdl(schema));
    else {
      const store = createPostgresEventStore({ connectionString: url, schema, poolSize: 2 });
      const engine = createCampaignEngine(store);
      try {
        for (const c of hotCampaign().setup) {
          const o = await engine.handle(c);
          if (o._tag !== 'Accepted') throw new Error(`W6 set-up: ${JSON.stringify(o)}`);
        }
      } finally {
        await store.close();
      }
    }
    const started = Array.from({ length: writers }, (_, writer) =>
      startWriter({ side, url, schema, writer, seconds, poolSize, warmup }),
    );
    await Promise.all(started.map((w) => w.ready));
    for (const w of started) w.go();
    const reports = await Promise.all(started.map((w) => w.report));
    const ms = Math.max(...reports.map((r) => r.ms));
    const summed: WriterReport = {
      done: sum(reports, 'done'),
      accepted: sum(reports, 'accepted'),
      conflicts: sum(reports, 'conflicts'),
      lostRaces: sum(reports, 'lostRaces'),
      lockWaits: sum(reports, 'lockWaits'),
      waitMs: sum(reports, 'waitMs'),
      holdMs: sum(reports, 'holdMs'),
      heldReadMs: sum(reports, 'heldReadMs'),
      heldAppendMs: sum(reports, 'heldAppendMs'),
      heldLookupMs: sum(reports, 'heldLookupMs'),
      ms,
    };
    return { side, writers, rate: summed.done / (ms / 1000), total: summed };
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
  }
};
