import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildLog,
  rawReadAll,
  rawReadStream,
  striveReadAll,
  striveReadStream,
  type Folded,
} from './readWorkloads.js';
import { spread, timeMs, type Spread } from './stats.js';
import { rawWrite, striveWrite, W1, W2, writeCalls, type WriteShape } from './writeWorkloads.js';

interface Row {
  readonly workload: string;
  readonly events: number;
  readonly strive: Spread;
  readonly raw: Spread;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scale: { type: 'string', default: '1' },
    only: { type: 'string', default: 'W1,W2,W3,W4' },
    json: { type: 'string' },
  },
});
const runs = Number(values.runs);
const scale = Number(values.scale);
const only = new Set(values.only.split(','));
if (!Number.isInteger(runs) || runs < 1 || !(scale > 0 && scale <= 1))
  throw new Error(
    'usage: main.js [--runs N>=1] [--scale 0<F<=1] [--only W1,W2,W3,W4] [--json out.json]',
  );

const dir = mkdtempSync(join(tmpdir(), 'strive-bench-'));
const fresh = (() => {
  let n = 0;
  return (name: string): string => join(dir, `${name}-${++n}.db`);
})();
const scaled = (s: WriteShape): WriteShape => ({
  ...s,
  streams: Math.max(1, Math.round(s.streams * scale)),
  events: Math.round(s.events * scale),
});
const rows: Row[] = [];
const log = (s: string): void => void process.stderr.write(`${s}\n`);

const same = (a: Map<string, Folded>, b: Map<string, Folded>): void => {
  if (JSON.stringify([...a].sort()) !== JSON.stringify([...b].sort()))
    throw new Error('the two folds differ');
};

const measureWrites = async (name: string, shape: WriteShape): Promise<void> => {
  const strive: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < runs; r++) {
    const calls = writeCalls(shape, 100 + r);
    strive.push(await timeMs(() => striveWrite(fresh(name), shape, calls)));
    raw.push(await timeMs(() => rawWrite(fresh(`${name}-raw`), shape, calls)));
    log(
      `${name} run ${r + 1}: strive ${strive.at(-1)?.toFixed(0)} ms, raw ${raw.at(-1)?.toFixed(0)} ms`,
    );
  }
  rows.push({ workload: name, events: shape.events, strive: spread(strive), raw: spread(raw) });
};

const measureReads = async (
  name: string,
  events: number,
  strive: () => Promise<Map<string, Folded>>,
  raw: () => Map<string, Folded>,
): Promise<void> => {
  const s: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    let a = new Map<string, Folded>();
    let b = new Map<string, Folded>();
    s.push(await timeMs(async () => void (a = await strive())));
    r.push(await timeMs(() => void (b = raw())));
    same(a, b);
    log(`${name} run ${i + 1}: strive ${s.at(-1)?.toFixed(0)} ms, raw ${r.at(-1)?.toFixed(0)} ms`);
  }
  rows.push({ workload: name, events, strive: spread(s), raw: spread(r) });
};

try {
  if (only.has('W1')) await measureWrites('W1', scaled(W1));
  if (only.has('W2')) await measureWrites('W2', scaled(W2));
  if (only.has('W3')) {
    const path = fresh('w3');
    const n = Math.round(100_000 * scale);
    await buildLog(path, 1, n);
    await measureReads(
      'W3 read+fold one stream',
      n,
      () => striveReadStream(path, 'stream-0'),
      () => rawReadStream(path, 'stream-0'),
    );
  }
  if (only.has('W4')) {
    const path = fresh('w4');
    const streams = Math.max(1, Math.round(1_000 * scale));
    await buildLog(path, streams, 200);
    await measureReads(
      'W4 read+fold whole log',
      streams * 200,
      () => striveReadAll(path),
      () => rawReadAll(path),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (s: Spread): string =>
  `${s.median.toFixed(0)} ms [${s.min.toFixed(0)}-${s.max.toFixed(0)}]`;
const rate = (events: number, ms: number): string =>
  `${Math.round((events / ms) * 1000).toLocaleString('en-US')}/s`;
console.log(
  `Strive SQLite store vs raw better-sqlite3 (WAL, synchronous=NORMAL), median of ${runs} runs [min-max]`,
);
console.log(`node ${process.version}, scale ${scale}\n`);
console.log(
  [
    'workload'.padEnd(32),
    'events'.padStart(8),
    'strive'.padStart(22),
    'raw'.padStart(22),
    'strive ev/s'.padStart(13),
    'raw ev/s'.padStart(13),
    'ratio'.padStart(6),
  ].join(' '),
);
for (const r of rows)
  console.log(
    [
      r.workload.padEnd(32),
      String(r.events).padStart(8),
      fmt(r.strive).padStart(22),
      fmt(r.raw).padStart(22),
      rate(r.events, r.strive.median).padStart(13),
      rate(r.events, r.raw.median).padStart(13),
      (r.raw.median / r.strive.median).toFixed(2).padStart(6),
    ].join(' '),
  );
console.log('\nratio = raw time / Strive time (1.00 = as fast as raw; the goal is >= 0.80).');
if (values.json !== undefined)
  writeFileSync(values.json, JSON.stringify({ node: process.version, runs, scale, rows }, null, 2));
