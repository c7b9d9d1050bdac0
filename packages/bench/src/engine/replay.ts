import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compareRows, soloRow, type BenchRow } from './BenchRow.js';
import { campaignStore } from './campaignStore.js';
import { replayRun } from './replayRun.js';
import { isMain, logErr, mainOptions, printRows } from './runMain.js';

/** The two campaign sizes of F: about 100k and 1M events (about 270 events per organization). */
const REPLAY_SIZES = { small: { orgs: 375 }, large: { orgs: 3_750 } } as const;

const RSS_CHILD = fileURLToPath(new URL('./replayRss.js', import.meta.url));

/** What the RSS child reports: one streaming replay of a store in a fresh process. */
interface RssSample {
  readonly side: 'engine' | 'reference';
  readonly events: number;
  readonly streams: number;
  readonly passMs: number;
  readonly passCpuMs: number;
  readonly digest: string;
  readonly peakRssMiB: number;
  readonly heapAfterGcMiB: number;
}

const field = (u: object, k: string): unknown => Object.getOwnPropertyDescriptor(u, k)?.value;
const num = (u: object, k: string): number => {
  const v = field(u, k);
  if (typeof v !== 'number') throw new Error(`replayRss: missing ${k}`);
  return v;
};

/**
 * Replays `path` stream by stream in a fresh child process (`engine`: `replayStreams`; `reference`:
 * the same reads folded by the hand-written switch), node started with `v8Flags`, and returns its
 * figures. Does I/O.
 */
const rssSample = (
  path: string,
  side: 'engine' | 'reference',
  v8Flags: readonly string[] = [],
): RssSample => {
  const r = spawnSync('node', [...v8Flags, '--expose-gc', RSS_CHILD, side, path], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`replayRss failed: ${r.stderr}`);
  const u: unknown = JSON.parse(r.stdout);
  if (typeof u !== 'object' || u === null) throw new Error('replayRss: not an object');
  const digest = field(u, 'digest');
  if (typeof digest !== 'string') throw new Error('replayRss: missing digest');
  return {
    side,
    events: num(u, 'events'),
    streams: num(u, 'streams'),
    passMs: num(u, 'passMs'),
    passCpuMs: num(u, 'passCpuMs'),
    digest,
    peakRssMiB: num(u, 'peakRssMiB'),
    heapAfterGcMiB: num(u, 'heapAfterGcMiB'),
  };
};

/**
 * V8's young generation at its default cap (16 MiB semi-spaces) from the start: with default flags it
 * starts smaller and doubles once enough survives, which a 1M-event run reaches and a 100k one may not.
 */
const YOUNG_AT_CAP = ['--min-semi-space-size=16'] as const;

const k = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${Math.round(n / 1e3)}k`;

/** Both sides' streaming replays of one store. */
type Pair = { readonly engine: RssSample; readonly reference: RssSample };

/** Runs both sides on one store (order alternating by run); throws if their states differ. Does I/O. */
const streamPair = (path: string, run: number): Pair => {
  const first = rssSample(path, run % 2 === 0 ? 'engine' : 'reference');
  const second = rssSample(path, run % 2 === 0 ? 'reference' : 'engine');
  const [engine, reference] = run % 2 === 0 ? [first, second] : [second, first];
  if (engine.digest !== reference.digest || engine.events !== reference.events)
    throw new Error(`replay: replayStreams and the reference folded ${path} differently`);
  return { engine, reference };
};

/**
 * F, engine replay: the ~1M-event campaign store (cached) replayed through `foldEvents` with the
 * campaign's workflows per stream against the hand-written switch in the same pass, `runs` times
 * (events/s of each side's fold time); then the ~100k and ~1M stores replayed stream by stream
 * (`replayStreams`, and the reference doing the same reads), each in a fresh child process, `runs`
 * times each: events/s of the whole pass (CPU time) and peak RSS, with default V8 flags and, for the
 * engine, with the young generation at its cap from the start (`YOUNG_AT_CAP`). Does I/O.
 */
export const replayWorkload = async (
  runs: number,
  log: (s: string) => void = logErr,
  sizes: {
    readonly small: { readonly orgs: number };
    readonly large: { readonly orgs: number };
  } = REPLAY_SIZES,
): Promise<BenchRow[]> => {
  const large = campaignStore(sizes.large, log);
  const small = campaignStore(sizes.small, log);
  const engine: number[] = [];
  const reference: number[] = [];
  const codec: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = await replayRun(large.path);
    engine.push((t.events / t.engineMs) * 1000);
    reference.push((t.events / t.referenceMs) * 1000);
    codec.push((t.events / t.codecMs) * 1000);
    wall.push((t.events / t.wallMs) * 1000);
    log(
      `F run ${r + 1}: ${t.events} events, ${t.streams} streams: engine ${t.engineMs.toFixed(0)} ms, ` +
        `reference ${t.referenceMs.toFixed(0)} ms, codec ${t.codecMs.toFixed(0)} ms, pass ${t.wallMs.toFixed(0)} ms`,
    );
  }
  const pairs: { small: Pair[]; large: Pair[] } = { small: [], large: [] };
  const pinned: { small: RssSample[]; large: RssSample[] } = { small: [], large: [] };
  for (let r = 0; r < runs; r++) {
    const [ps, pl] = [streamPair(small.path, r), streamPair(large.path, r)];
    pairs.small.push(ps);
    pairs.large.push(pl);
    const show = (p: Pair): string =>
      `engine ${p.engine.peakRssMiB} MiB ${p.engine.passCpuMs.toFixed(0)} ms CPU, ` +
      `reference ${p.reference.peakRssMiB} MiB ${p.reference.passCpuMs.toFixed(0)} ms CPU`;
    pinned.small.push(rssSample(small.path, 'engine', YOUNG_AT_CAP));
    pinned.large.push(rssSample(large.path, 'engine', YOUNG_AT_CAP));
    log(`F stream run ${r + 1}: small ${show(ps)}; large ${show(pl)}`);
    log(
      `F young generation at its cap: ${pinned.small[r]?.peakRssMiB} / ${pinned.large[r]?.peakRssMiB} MiB`,
    );
  }
  const n = large.events;
  const [ns, nl] = [small.events, large.events];
  const side = (xs: readonly Pair[], s: 'engine' | 'reference') => xs.map((x) => x[s]);
  const peak = (xs: readonly RssSample[]): number[] => xs.map((x) => x.peakRssMiB);
  const rate = (xs: readonly RssSample[]): number[] =>
    xs.map((x) => (x.events / x.passCpuMs) * 1000);
  return [
    ...compareRows(
      `F replay ${k(n)} events`,
      ['engine foldEvents', engine],
      ['hand-written switch', reference],
      'events/s',
      'higher',
    ),
    soloRow(`F replay ${k(n)} events`, 'io-ts is() alone (in both)', 'events/s', codec),
    soloRow(`F replay ${k(n)} events`, 'whole pass (SQLite readAll + both)', 'events/s', wall),
    ...compareRows(
      `F replay stream by stream ${k(n)} events`,
      ['engine replayStreams (CPU time)', rate(side(pairs.large, 'engine'))],
      ['same reads + switch', rate(side(pairs.large, 'reference'))],
      'events/s',
      'higher',
    ),
    ...compareRows(
      'F peak RSS',
      [`engine replayStreams, ${k(nl)} events`, peak(side(pairs.large, 'engine'))],
      [`engine replayStreams, ${k(ns)} events`, peak(side(pairs.small, 'engine'))],
      'MiB',
      'lower',
    ),
    ...compareRows(
      'F peak RSS, young generation at its cap',
      [`engine replayStreams, ${k(nl)} events`, peak(pinned.large)],
      [`engine replayStreams, ${k(ns)} events`, peak(pinned.small)],
      'MiB',
      'lower',
    ),
    ...compareRows(
      'F peak RSS of the reference',
      [`same reads + switch, ${k(nl)} events`, peak(side(pairs.large, 'reference'))],
      [`same reads + switch, ${k(ns)} events`, peak(side(pairs.small, 'reference'))],
      'MiB',
      'lower',
    ),
    ...compareRows(
      `F peak RSS at ${k(nl)} events`,
      ['engine replayStreams', peak(side(pairs.large, 'engine'))],
      ['same reads + switch', peak(side(pairs.large, 'reference'))],
      'MiB',
      'lower',
    ),
  ];
};

if (isMain(import.meta.url)) {
  const o = mainOptions('node packages/bench/dist/engine/replay.js');
  const rows = await replayWorkload(o.runs);
  printRows(
    'F: engine replay vs a hand-written switch (ratio = engine / switch events/s)',
    rows,
    o.json,
  );
}
