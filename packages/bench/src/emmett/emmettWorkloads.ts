import { commandStream, decide, evolve, W5, type CommandState } from '../commandWorkload.js';
import { commitmentEvent } from '../payload.js';
import { W1, W2, writeCalls, type WriteShape } from '../writeWorkloads.js';
import { compareRows, type BenchRow } from '../engine/BenchRow.js';
import type { BenchSubject, SubjectFactory } from './BenchSubject.js';

/** The ids of the workloads shared with the SQLite suite. */
export const EMMETT_WORKLOADS = ['W1', 'W2', 'W3', 'W4', 'W5'] as const;

type Folds = Map<string, CommandState>;
const state = (): CommandState => ({ version: 0, count: 0, sum: 0 });
const foldInto =
  (folds: Folds) =>
  (streamId: string, data: unknown): void => {
    let s = folds.get(streamId);
    if (s === undefined) folds.set(streamId, (s = state()));
    evolve(s, s.version + 1, data);
  };
const sameFolds = (a: Folds, b: Folds, what: string): void => {
  const canon = (m: Folds): string => JSON.stringify([...m].sort(([x], [y]) => (x < y ? -1 : 1)));
  if (canon(a) !== canon(b)) throw new Error(`${what}: the two stores folded different things`);
};

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const write = async (s: BenchSubject, shape: WriteShape, salt: number): Promise<number> => {
  const calls = writeCalls(shape, salt);
  const versions = new Array<number>(shape.streams).fill(0);
  return seconds(async () => {
    for (const [c, events] of calls.entries()) {
      const i = c % shape.streams;
      versions[i] = await s.append(`stream-${i}`, events, versions[i] ?? 0);
    }
  });
};

/** Appends `perStream` events to each of `streams` streams, `chunk` events per call, streams interleaved. */
const fill = async (
  s: BenchSubject,
  streams: number,
  perStream: number,
  chunk: number,
  salt: number,
): Promise<void> => {
  let n = 0;
  for (let done = 0; done < perStream; done += chunk)
    for (let i = 0; i < streams; i++) {
      const size = Math.min(chunk, perStream - done);
      const events = Array.from({ length: size }, () => commitmentEvent(salt, n++));
      await s.append(`stream-${i}`, events, done);
    }
};

const commands = async (
  s: BenchSubject,
  streams: number,
  count: number,
  salt: number,
): Promise<[number, Folds]> => {
  const last: Folds = new Map();
  const t = await seconds(async () => {
    for (let c = 0; c < count; c++) {
      const streamId = commandStream(c, streams);
      const st = state();
      await s.load(streamId, (position, data) => evolve(st, position, data));
      await s.append(streamId, [decide(st, salt, c)], st.version);
      last.set(streamId, st);
    }
  });
  return [t, last];
};

interface Spec {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly items: number;
  /** Seconds of one run on each side, strive first; folds compared inside. */
  readonly run: (r: number) => Promise<readonly [number, number]>;
  readonly prepare: () => Promise<void>;
  readonly finish: () => Promise<void>;
}

/**
 * W1-W5 of the SQLite suite with Strive (`subject`) and Emmett (`reference`) through the same harness:
 * fresh databases for writes and for each W5 run; W3 and W4 read a log each side built once (untimed).
 * Each run times both sides (alternating which goes first) and compares their folds. Rows: Strive
 * with its ratio to Emmett (`subject rate / Emmett rate`, same runs), then Emmett. Does I/O.
 */
export const emmettWorkloads = async (
  subject: SubjectFactory,
  reference: SubjectFactory,
  runs: number,
  scale: number,
  only: ReadonlySet<string>,
  log: (s: string) => void,
): Promise<BenchRow[]> => {
  const n = (x: number): number => Math.max(1, Math.round(x * scale));
  const pair = async <T>(r: number, f: (s: SubjectFactory) => Promise<T>): Promise<[T, T]> => {
    if (r % 2 === 0) {
      const a = await f(subject);
      return [a, await f(reference)];
    }
    const b = await f(reference);
    return [await f(subject), b];
  };
  const writes = (id: string, title: string, shape: WriteShape): Spec => ({
    id,
    title,
    unit: shape.perCall === 1 ? 'appends/s' : 'events/s',
    items: shape.events,
    prepare: () => Promise.resolve(),
    finish: () => Promise.resolve(),
    run: (r) =>
      pair(r, async (f) => {
        const s = await f.open();
        const t = await write(s, shape, 100 + r);
        await s.close();
        return t;
      }),
  });
  const reads = (
    id: string,
    title: string,
    streams: number,
    perStream: number,
    chunk: number,
    read: (s: BenchSubject, folds: Folds) => Promise<void>,
  ): Spec => {
    const open: BenchSubject[] = [];
    return {
      id,
      title,
      unit: 'events/s',
      items: streams * perStream,
      prepare: async () => {
        for (const f of [subject, reference]) {
          const s = await f.open();
          await fill(s, streams, perStream, chunk, 7);
          open.push(s);
        }
      },
      finish: async () => {
        for (const s of open.splice(0)) await s.close();
      },
      run: async (r) => {
        const [a, b] = [open[0], open[1]];
        if (a === undefined || b === undefined) throw new Error(`${id}: not prepared`);
        const fa: Folds = new Map();
        const fb: Folds = new Map();
        const ta = (): Promise<number> => seconds(() => read(a, fa));
        const tb = (): Promise<number> => seconds(() => read(b, fb));
        let times: [number, number];
        if (r % 2 === 0) times = [await ta(), await tb()];
        else {
          const second = await tb();
          times = [await ta(), second];
        }
        sameFolds(fa, fb, id);
        return times;
      },
    };
  };
  const w5streams = n(W5.streams);
  const w5commands = n(W5.commands);
  const specs: Spec[] = [
    writes('W1', 'single-event appends, expected version, 1,000 streams x 50', {
      ...W1,
      streams: n(W1.streams),
      events: n(W1.events),
    }),
    writes('W2', 'appends of 100 events, 100,000 events over 100 streams', {
      ...W2,
      streams: n(W2.streams),
      events: n(W2.events),
    }),
    reads('W3', 'read and fold one stream of 100,000 events', 1, n(100_000), 1_000, (s, f) =>
      s.foldStream('stream-0', (_, data) => foldInto(f)('stream-0', data)),
    ),
    reads(
      'W4',
      'read the whole log (200,000 events, 1,000 streams), fold per stream',
      n(1_000),
      200,
      20,
      (s, f) => s.foldAll(foldInto(f)),
    ),
    {
      id: 'W5',
      title: 'command round trip (load, decide, append), 1,000 streams of 10',
      unit: 'commands/s',
      items: w5commands,
      prepare: () => Promise.resolve(),
      finish: () => Promise.resolve(),
      run: async (r) => {
        const folds: Folds[] = [];
        const [ta, tb] = await pair(r, async (f) => {
          const s = await f.open();
          await fill(s, w5streams, W5.eventsBefore, W5.eventsBefore, 7);
          const [t, last] = await commands(s, w5streams, w5commands, 500 + r);
          folds.push(last);
          await s.close();
          return t;
        });
        const [x, y] = folds;
        if (x !== undefined && y !== undefined) sameFolds(x, y, 'W5');
        return [ta, tb];
      },
    },
  ];
  const rows: BenchRow[] = [];
  for (const w of specs.filter((x) => only.has(x.id))) {
    await w.prepare();
    const a: number[] = [];
    const b: number[] = [];
    try {
      for (let r = 0; r < runs; r++) {
        const [ta, tb] = await w.run(r);
        a.push(w.items / ta);
        b.push(w.items / tb);
        log(
          `${w.id} run ${r + 1}: ${subject.name} ${(ta * 1e3).toFixed(0)} ms, ${reference.name} ${(tb * 1e3).toFixed(0)} ms`,
        );
      }
    } finally {
      await w.finish();
    }
    rows.push(
      ...compareRows(
        `${w.id} ${w.title}`,
        [subject.name, a],
        [reference.name, b],
        w.unit,
        'higher',
      ),
    );
  }
  return rows;
};
