import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compareRows, soloRow, type BenchRow } from './BenchRow.js';
import { campaignStore } from './campaignStore.js';
import { replayRun } from './replayRun.js';
import { isMain, logErr, mainOptions, printRows } from './runMain.js';

/** The two campaign sizes of F: about 100k and 1M events (about 270 events per organization). */
export const REPLAY_SIZES = { small: { orgs: 375 }, large: { orgs: 3_750 } } as const;

const RSS_CHILD = fileURLToPath(new URL('./replayRss.js', import.meta.url));

/** What the RSS child reports. */
export interface RssSample {
  readonly events: number;
  readonly peakRssMiB: number;
  readonly heapWithStatesMiB: number;
  readonly heapWithoutStatesMiB: number;
  readonly statesMiB: number;
}

const field = (u: object, k: string): number => {
  const v: unknown = Object.getOwnPropertyDescriptor(u, k)?.value;
  if (typeof v !== 'number') throw new Error(`replayRss: missing ${k}`);
  return v;
};

/** Replays `path` through the engine in a fresh child process and returns its memory figures. Does I/O. */
export const rssSample = (path: string): RssSample => {
  const r = spawnSync('node', ['--expose-gc', RSS_CHILD, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`replayRss failed: ${r.stderr}`);
  const u: unknown = JSON.parse(r.stdout);
  if (typeof u !== 'object' || u === null) throw new Error('replayRss: not an object');
  return {
    events: field(u, 'events'),
    peakRssMiB: field(u, 'peakRssMiB'),
    heapWithStatesMiB: field(u, 'heapWithStatesMiB'),
    heapWithoutStatesMiB: field(u, 'heapWithoutStatesMiB'),
    statesMiB: field(u, 'statesMiB'),
  };
};

const k = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${Math.round(n / 1e3)}k`;

/**
 * F, engine replay: the ~1M-event campaign store (cached) replayed through `foldEvents` with the
 * campaign's workflows per stream against the hand-written switch in the same pass, `runs` times
 * (events/s of each side's fold time); then peak RSS of an engine-only replay of the ~100k and ~1M
 * stores, each in a fresh child process, `runs` times each. Does I/O.
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
  const rss: { small: RssSample[]; large: RssSample[] } = { small: [], large: [] };
  for (let r = 0; r < runs; r++) {
    rss.small.push(rssSample(small.path));
    rss.large.push(rssSample(large.path));
    log(`F rss run ${r + 1}: ${JSON.stringify(rss.small[r])} ${JSON.stringify(rss.large[r])}`);
  }
  const n = large.events;
  const [ns, nl] = [small.events, large.events];
  const peak = (xs: readonly RssSample[]): number[] => xs.map((x) => x.peakRssMiB);
  const states = (xs: readonly RssSample[]): number[] => xs.map((x) => x.statesMiB);
  const rest = (xs: readonly RssSample[]): number[] => xs.map((x) => x.peakRssMiB - x.statesMiB);
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
      'F peak RSS',
      [`engine, ${k(nl)} events`, peak(rss.large)],
      [`engine, ${k(ns)} events`, peak(rss.small)],
      'MiB',
      'lower',
    ),
    ...compareRows(
      'F folded states (heap)',
      [`${k(nl)} events`, states(rss.large)],
      [`${k(ns)} events`, states(rss.small)],
      'MiB',
      'lower',
    ),
    ...compareRows(
      'F peak RSS less states',
      [`${k(nl)} events`, rest(rss.large)],
      [`${k(ns)} events`, rest(rss.small)],
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
