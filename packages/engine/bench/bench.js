/* global process, console */
// Engine benchmark: ratios against a hand-written reducer in the same run (no absolute targets).
// Run: npx tsc -b packages/engine && node packages/engine/bench/bench.js
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { appendToStream, createMemoryEventStore } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { setup } from 'xstate';
import {
  createEngine,
  defineCommand,
  defineWorkflow,
  foldEvents,
  initialState,
} from '../dist/index.js';

const machine = setup({
  guards: { canTick: ({ context }) => context.ticks >= 0 },
}).createMachine({
  id: 'meter',
  initial: 'idle',
  states: {
    idle: { on: { Started: 'running', Ticked: { guard: 'canTick' } } },
    running: { on: { Ticked: { guard: 'canTick' }, Stopped: 'idle' } },
  },
});

export const meter = defineWorkflow({
  name: 'meter',
  version: 1,
  machine,
  initialContext: { ticks: 0, total: 0, runs: 0 },
  events: {
    Started: { codec: t.strict({}), schemaVersion: 1 },
    Ticked: { codec: t.strict({ n: t.number }), schemaVersion: 1 },
    Stopped: { codec: t.strict({}), schemaVersion: 1 },
  },
  evolve: {
    Started: (c) => ({ ...c, runs: c.runs + 1 }),
    Ticked: (c, d) => ({ ...c, ticks: c.ticks + 1, total: c.total + d.n }),
  },
});

/** The hand-written reference: same lifecycle and context, a switch per event. */
const reducer = (s, e) => {
  const c = s.context;
  switch (e.type) {
    case 'Started':
      return {
        value: s.value === 'idle' ? 'running' : s.value,
        context: { ...c, runs: c.runs + 1 },
        version: e.streamPosition,
        lastAt: e.metadata.at,
      };
    case 'Ticked':
      return {
        value: s.value,
        context: { ...c, ticks: c.ticks + 1, total: c.total + e.data.n },
        version: e.streamPosition,
        lastAt: e.metadata.at,
      };
    case 'Stopped':
      return {
        value: s.value === 'running' ? 'idle' : s.value,
        context: c,
        version: e.streamPosition,
        lastAt: e.metadata.at,
      };
    default:
      return s;
  }
};

const TYPES = ['Started', 'Ticked', 'Ticked', 'Ticked', 'Ticked', 'Ticked', 'Ticked', 'Stopped'];
const eventAt = (i) => {
  const type = TYPES[(i - 1) % TYPES.length];
  return {
    eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    streamId: 'meter-1',
    streamPosition: i,
    globalPosition: i,
    type,
    schemaVersion: 1,
    data: type === 'Ticked' ? { n: i % 7 } : {},
    metadata: { at: '2026-01-01T00:00:00Z' },
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
};
function* lazyEvents(n) {
  for (let i = 1; i <= n; i++) yield eventAt(i);
}

const rate = (n, f) => {
  const t0 = performance.now();
  f();
  return n / ((performance.now() - t0) / 1000);
};

const replayRatio = () => {
  const events = Array.from({ length: 100_000 }, (_, i) => eventAt(i + 1));
  const passes = 10;
  const engine = () => {
    for (let p = 0; p < passes; p++) foldEvents(meter, events, initialState(meter));
  };
  const hand = () => {
    for (let p = 0; p < passes; p++) events.reduce(reducer, initialState(meter));
  };
  engine(); // warm-up
  hand();
  const results = [];
  for (let round = 0; round < 3; round++)
    results.push([rate(events.length * passes, engine), rate(events.length * passes, hand)]);
  const best = (k) => Math.max(...results.map((r) => r[k]));
  const check =
    JSON.stringify(foldEvents(meter, events)) ===
    JSON.stringify(events.reduce(reducer, initialState(meter)));
  return { engine: best(0), reducer: best(1), ratio: best(0) / best(1), sameState: check };
};

/** Peak RSS (KiB) of a fresh process folding n lazily generated events (nothing else retained). */
const rssOf = (n, who, flags = []) =>
  Number(
    execFileSync(
      process.execPath,
      [...flags, fileURLToPath(import.meta.url), '--rss', String(n), who],
      {
        encoding: 'utf8',
      },
    ).trim(),
  );

const commandCost = async () => {
  const tick = defineCommand({
    type: 'Tick',
    codec: t.exact(
      t.type({ type: t.literal('Tick'), id: t.string, at: t.string, meterId: t.string }),
    ),
    streams: (cmd) => ({ meter: { workflow: meter, streamId: `meter-${cmd.meterId}` } }),
    decide: () => E.right({ meter: [{ type: 'Ticked', data: { n: 1 } }] }),
  });
  const store = createMemoryEventStore();
  for (const [id, size] of [
    ['small', 10],
    ['large', 10_000],
  ])
    for (let i = 0; i < size; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - i) }, (_, k) => {
        const e = eventAt(i + k + 1);
        return { type: e.type, data: e.data, metadata: e.metadata };
      });
      await appendToStream(store, `meter-${id}`, batch, { expectedVersion: i });
    }
  const engine = createEngine({ store, commands: [tick], snapshotEvery: 100 });
  let seq = 0;
  const run = async (meterId, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++)
      await engine.handle({ type: 'Tick', id: `c${seq++}`, at: '2026-01-01T00:00:00Z', meterId });
    return (performance.now() - t0) / n;
  };
  // Warm-up (the first load of 'large' saves its snapshot).
  await run('small', 200);
  await run('large', 200);
  const small = Math.min(await run('small', 500), await run('small', 500));
  const large = Math.min(await run('large', 500), await run('large', 500));
  return { smallMs: small, largeMs: large, ratio: large / small };
};

if (process.argv[2] === '--rss') {
  const n = Number(process.argv[3]);
  if (process.argv[4] === 'reducer') {
    let s = initialState(meter);
    for (const e of lazyEvents(n)) s = reducer(s, e);
  } else foldEvents(meter, lazyEvents(n));
  process.stdout.write(String(process.resourceUsage().maxRSS));
} else {
  const replay = replayRatio();
  console.log(
    `replay: engine ${Math.round(replay.engine).toLocaleString()} ev/s, reducer ${Math.round(replay.reducer).toLocaleString()} ev/s, ratio ${replay.ratio.toFixed(2)} (goal >= 0.5), same state: ${replay.sameState}`,
  );
  const mib = (k) => `${(k / 1024).toFixed(1)} MiB`;
  for (const flags of [[], ['--max-semi-space-size=1']])
    for (const who of ['engine', 'reducer']) {
      const [a, b, c] = [100_000, 1_000_000, 3_000_000].map((n) => rssOf(n, who, flags));
      console.log(
        `replay peak RSS [${who}${flags.length ? ' ' + flags.join(' ') : ', default heap'}]: ` +
          `100k ${mib(a)}, 1M ${mib(b)}, 3M ${mib(c)}; 100k->1M ${(((b - a) / a) * 100).toFixed(1)}% (goal <= 10%)`,
      );
    }
  const cmd = await commandCost();
  console.log(
    `command: 10-event stream ${cmd.smallMs.toFixed(3)} ms, 10,000-event stream ${cmd.largeMs.toFixed(3)} ms, ratio ${cmd.ratio.toFixed(2)} (goal <= 2)`,
  );
}
