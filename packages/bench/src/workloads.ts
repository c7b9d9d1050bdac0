import { copyFileSync } from 'node:fs';
import { rawCommands, striveCommands, W5 } from './commandWorkload.js';
import {
  buildLog,
  rawReadAll,
  rawReadStream,
  striveReadAll,
  striveReadStream,
} from './readWorkloads.js';
import { measure, type Measure } from './stats.js';
import { rawWrite, striveWrite, W1, W2, writeCalls, type WriteShape } from './writeWorkloads.js';

/** One run of a workload: what Strive and the raw reference took, back to back. */
export interface Timing {
  readonly strive: Measure;
  readonly raw: Measure;
}

/** A workload of the SQLite suite. `prepare` runs once (untimed), `run` once per run. */
export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly items: number;
  readonly unit: string;
  readonly goal: number;
  readonly prepare: () => Promise<void>;
  readonly run: (run: number) => Promise<Timing>;
}

/**
 * Measures both sides of run `r` back to back, Strive first in even runs and raw first in odd ones,
 * so that neither side always inherits the other's aftermath (page cache, writeback, heap). Does
 * whatever the sides do.
 */
export const measurePair = async (
  r: number,
  strive: () => Promise<void> | void,
  raw: () => Promise<void> | void,
): Promise<Timing> => {
  if (r % 2 === 0) {
    const s = await measure(strive);
    return { strive: s, raw: await measure(raw) };
  }
  const w = await measure(raw);
  return { strive: await measure(strive), raw: w };
};

/** Fails the run when the two sides folded different things. Pure. */
const same = (a: Map<string, unknown>, b: Map<string, unknown>, what: string): void => {
  const canon = (m: Map<string, unknown>): string => JSON.stringify([...m].sort());
  if (canon(a) !== canon(b)) throw new Error(`${what}: Strive and raw folds differ`);
};

const writes = (
  id: string,
  title: string,
  shape: WriteShape,
  fresh: (n: string) => string,
): Workload => ({
  id,
  title,
  items: shape.events,
  unit: shape.perCall === 1 ? 'appends' : 'events',
  goal: 0.8,
  prepare: () => Promise.resolve(),
  run: async (r) => {
    const calls = writeCalls(shape, 100 + r);
    return measurePair(
      r,
      () => striveWrite(fresh(id), shape, calls),
      () => rawWrite(fresh(`${id}-raw`), shape, calls),
    );
  },
});

/** The five workloads of the issue at `scale` (1 = the sizes it defines). Files come from `fresh`. */
export const sqliteWorkloads = (scale: number, fresh: (name: string) => string): Workload[] => {
  const n = (x: number): number => Math.max(1, Math.round(x * scale));
  const w3 = fresh('w3');
  const w4 = fresh('w4');
  const w5 = fresh('w5');
  const w5streams = n(W5.streams);
  const w5commands = n(W5.commands);
  const reads =
    (s: () => Promise<Map<string, unknown>>, raw: () => Map<string, unknown>, id: string) =>
    async (r: number): Promise<Timing> => {
      let a = new Map<string, unknown>();
      let b = new Map<string, unknown>();
      const t = await measurePair(
        r,
        async () => void (a = await s()),
        () => void (b = raw()),
      );
      same(a, b, id);
      return t;
    };
  return [
    writes(
      'W1',
      'single-event appends, expected version, 1,000 streams x 50',
      { ...W1, streams: n(W1.streams), events: n(W1.events) },
      fresh,
    ),
    writes(
      'W2',
      'appends of 100 events, 100,000 events over 100 streams',
      { ...W2, streams: n(W2.streams), events: n(W2.events) },
      fresh,
    ),
    {
      id: 'W3',
      title: 'read and fold one stream of 100,000 events',
      items: n(100_000),
      unit: 'events',
      goal: 0.8,
      prepare: () => buildLog(w3, 1, n(100_000)),
      run: reads(
        () => striveReadStream(w3, 'stream-0'),
        () => rawReadStream(w3, 'stream-0'),
        'W3',
      ),
    },
    {
      id: 'W4',
      title: 'read the whole log (200,000 events, 1,000 streams), fold per stream',
      items: n(1_000) * 200,
      unit: 'events',
      goal: 0.8,
      prepare: () => buildLog(w4, n(1_000), 200),
      run: reads(
        () => striveReadAll(w4),
        () => rawReadAll(w4),
        'W4',
      ),
    },
    {
      id: 'W5',
      title: 'command round trip (read + fold, decide, append), 1,000 streams of 10',
      items: w5commands,
      unit: 'commands',
      goal: 0.6,
      prepare: () => buildLog(w5, w5streams, W5.eventsBefore),
      run: async (r) => {
        const [s, raw] = [fresh('w5-strive'), fresh('w5-raw')];
        copyFileSync(w5, s);
        copyFileSync(w5, raw);
        let a = new Map<string, unknown>();
        let b = new Map<string, unknown>();
        const t = await measurePair(
          r,
          async () => void (a = await striveCommands(s, w5streams, w5commands, 500 + r)),
          () => void (b = rawCommands(raw, w5streams, w5commands, 500 + r)),
        );
        same(a, b, 'W5');
        return t;
      },
    },
  ];
};
