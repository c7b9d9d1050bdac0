// W1-W5 for @strive/store-postgres next to raw `pg` on the same server, in one run (ratios are what
// to compare). Not a test. Run `npx tsc -b packages/store-postgres` first, then
//   node packages/store-postgres/bench/workloads.js            (all workloads, 3 runs each)
//   BENCH_ONLY=W1,W3 BENCH_RUNS=5 node packages/store-postgres/bench/workloads.js
// Env: STRIVE_PG_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_RUNS (default 3),
// BENCH_SECONDS (time cap of one W1/W5 run, default 4), BENCH_FULL=1 (no cap: every append/command),
// BENCH_SYNC (synchronous_commit for both sides, default: the server's), BENCH_WRITERS (default 1,4,16),
// BENCH_WARMUP (unmeasured runs of each side first, default 1).
// Import `runWorkloads`, `WORKLOADS`, `formatTable` and `measureAlternating` to run them from another script.
import console from 'node:console';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createPostgresEventStore } from '../dist/index.js';
import { appendToStream } from '@strive/eventlog';

const AT = '2010-05-10T09:00:00+08:00';
const CITIES = ['Zhengzhou', 'Luoyang', 'Kaifeng', 'Anyang', 'Xinxiang', 'Nanyang'];

/** A realistic payload of 200-400 bytes of JSON, deterministic in `i`. Pure. */
export const payload = (i) => ({
  pledgeId: `pl-${i}`,
  donor: { name: `Donor ${i % 997}`, city: CITIES[i % CITIES.length], returning: i % 3 === 0 },
  amount: { value: 100 + ((i * 37) % 9_900), currency: 'CNY' },
  channel: i % 2 === 0 ? 'street-stall' : 'online',
  note: 'Pledged at the spring fair; receipt sent by post'.slice(0, 20 + (i % 28)),
  tags: ['spring', 'fair', i % 5 === 0 ? 'matched' : 'plain'],
  volunteer: { id: `v-${i % 131}`, shift: `2010-05-${String(10 + (i % 18)).padStart(2, '0')}` },
});

// The store assigns its default ids (UUIDv7, time-ordered); raw pg gets a random UUID (its table has
// no index on event_id, so their order does not matter there).
const newEvent = (i) => ({
  type: 'Pledged',
  data: payload(i),
  metadata: { at: AT, actor: { id: `v-${i % 131}`, role: 'volunteer' } },
});

/** The fold used by every read workload: count and sum of amounts. Pure. */
const fold = (state, data) => ({ n: state.n + 1, total: state.total + data.amount.value });
const EMPTY = { n: 0, total: 0 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const schemaName = (prefix) => `${prefix}_${randomBytes(4).toString('hex')}`;

/** Runs `writers` loops taking item indexes 0..count-1 until done or `seconds` elapsed; items/s. */
const drive = async (writers, count, seconds, step) => {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count && performance.now() < deadline) {
        const i = next++;
        await step(i);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
};

// ---------------------------------------------------------------- raw pg reference

const RAW_DDL = (s) => `CREATE SCHEMA ${s};
CREATE TABLE ${s}.events (
  global_position bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
  stream_position bigint NOT NULL, type text NOT NULL, data text NOT NULL, metadata text NOT NULL,
  UNIQUE (stream_id, stream_position))`;

const rawSql = (s) => ({
  insert: {
    name: `${s}_ins`,
    text: `INSERT INTO ${s}.events (event_id, stream_id, stream_position, type, data, metadata)
      VALUES ($1, $2, $3, $4, $5, $6)`,
  },
  insertMany: {
    name: `${s}_insm`,
    text: `INSERT INTO ${s}.events (event_id, stream_id, stream_position, type, data, metadata)
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])`,
  },
  stream: {
    name: `${s}_str`,
    text: `SELECT global_position, stream_position, type, data, metadata FROM ${s}.events
      WHERE stream_id = $1 AND stream_position > $2 ORDER BY stream_position LIMIT $3`,
  },
  all: {
    name: `${s}_all`,
    text: `SELECT global_position, stream_id, stream_position, type, data, metadata FROM ${s}.events
      WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
  },
});

const openRaw = async (url, sync, size) => {
  const schema = schemaName('raw_bench');
  const options = sync === undefined ? {} : { options: `-c synchronous_commit=${sync}` };
  const pool = new pg.Pool({ connectionString: url, max: size, ...options });
  await pool.query(RAW_DDL(schema));
  return {
    pool,
    sql: rawSql(schema),
    drop: async () => {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
};

const rawInsertMany = (raw, streamId, from, events) =>
  raw.pool.query({
    ...raw.sql.insertMany,
    values: [
      events.map(() => randomUUID()),
      events.map(() => streamId),
      events.map((_, k) => from + k + 1),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ],
  });

const rawReadStream = async (raw, streamId, batch) => {
  let state = EMPTY;
  let version = 0;
  for (;;) {
    const res = await raw.pool.query({ ...raw.sql.stream, values: [streamId, version, batch] });
    for (const row of res.rows) {
      JSON.parse(row.metadata);
      state = fold(state, JSON.parse(row.data));
      version = Number(row.stream_position);
    }
    if (res.rows.length < batch) return { state, version };
  }
};

// ---------------------------------------------------------------- the store

const openStore = async (url, sync, size) => {
  const poolConfig = sync === undefined ? {} : { options: `-c synchronous_commit=${sync}` };
  const store = createPostgresEventStore({
    connectionString: url,
    schema: schemaName('strive_bench'),
    poolSize: size,
    poolConfig,
  });
  await store.ready();
  return {
    store,
    drop: async () => {
      await store.pool.query(`DROP SCHEMA ${store.schema} CASCADE`);
      await store.close();
    },
  };
};

const unwrap = (r) => {
  if (r._tag === 'Left') throw new Error(`append failed: ${JSON.stringify(r.left)}`);
  return r.right;
};

const storeReadStream = async (store, streamId, batchSize) => {
  let state = EMPTY;
  let version = 0;
  for await (const e of store.readStream(streamId, { batchSize })) {
    state = fold(state, e.data);
    version = e.streamPosition;
  }
  return { state, version };
};

/** Fills a log: `streams` streams of `perStream` events, in appends of `batch`. Not timed. */
const fillStore = async (store, streams, perStream, batch) => {
  for (let from = 0; from < perStream; from += batch)
    for (let s = 0; s < streams; s++) {
      const n = Math.min(batch, perStream - from);
      const events = Array.from({ length: n }, (_, k) => newEvent(from + k));
      unwrap(
        await appendToStream(store, `s-${s}`, events, {
          expectedVersion: from === 0 ? 'no-stream' : from,
        }),
      );
    }
};
const fillRaw = async (raw, streams, perStream, batch) => {
  for (let from = 0; from < perStream; from += batch)
    for (let s = 0; s < streams; s++) {
      const n = Math.min(batch, perStream - from);
      await rawInsertMany(
        raw,
        `s-${s}`,
        from,
        Array.from({ length: n }, (_, k) => newEvent(from + k)),
      );
    }
};

// ---------------------------------------------------------------- the workloads

const W1_STREAMS = 1_000;
const W1_PER_STREAM = 50;

/**
 * The workloads. Each has `unit`, and `store(config)` / `raw(config)` returning a runner
 * `{ run(): Promise<number /* units per second *\/>, close(): Promise<void> }` whose setup is not timed.
 */
export const WORKLOADS = {
  W1: {
    title: 'single-event appends with expected version, 1,000 streams x 50 round-robin',
    unit: 'appends/s',
    store: async ({ url, sync, writers, seconds }) => {
      const count = W1_STREAMS * W1_PER_STREAM;
      return {
        // A fresh log per run: round-robin from version 0.
        run: async () => {
          const { store, drop } = await openStore(url, sync, writers + 1);
          const rate = await drive(writers, count, seconds, async (i) => {
            const v = Math.floor(i / W1_STREAMS);
            unwrap(
              await appendToStream(store, `s-${i % W1_STREAMS}`, [newEvent(i)], {
                expectedVersion: v === 0 ? 'no-stream' : v,
              }),
            );
          });
          await drop();
          return rate;
        },
        close: async () => undefined,
      };
    },
    raw: async ({ url, sync, writers, seconds }) => ({
      run: async () => {
        const raw = await openRaw(url, sync, writers + 1);
        const rate = await drive(writers, W1_STREAMS * W1_PER_STREAM, seconds, async (i) => {
          const e = newEvent(i);
          await raw.pool.query({
            ...raw.sql.insert,
            values: [
              randomUUID(),
              `s-${i % W1_STREAMS}`,
              Math.floor(i / W1_STREAMS) + 1,
              e.type,
              JSON.stringify(e.data),
              JSON.stringify(e.metadata),
            ],
          });
        });
        await raw.drop();
        return rate;
      },
      close: async () => undefined,
    }),
  },
  W2: {
    title: '100 events per append, 100,000 events over 100 streams',
    unit: 'events/s',
    store: async ({ url, sync }) => ({
      run: async () => {
        const { store, drop } = await openStore(url, sync, 2);
        const started = performance.now();
        await fillStore(store, 100, 1_000, 100);
        const rate = 100_000 / ((performance.now() - started) / 1000);
        await drop();
        return rate;
      },
      close: async () => undefined,
    }),
    raw: async ({ url, sync }) => ({
      run: async () => {
        const raw = await openRaw(url, sync, 2);
        const started = performance.now();
        await fillRaw(raw, 100, 1_000, 100);
        const rate = 100_000 / ((performance.now() - started) / 1000);
        await raw.drop();
        return rate;
      },
      close: async () => undefined,
    }),
  },
  W3: {
    title: 'read and fold one stream of 100,000 events',
    unit: 'events/s',
    store: async ({ url, sync }) => {
      const { store, drop } = await openStore(url, sync, 2);
      await fillStore(store, 1, 100_000, 1_000);
      return {
        run: async () => {
          const started = performance.now();
          const { state } = await storeReadStream(store, 's-0', 1_000);
          if (state.n !== 100_000) throw new Error(`W3 store read ${state.n} events`);
          return state.n / ((performance.now() - started) / 1000);
        },
        close: drop,
      };
    },
    raw: async ({ url, sync }) => {
      const raw = await openRaw(url, sync, 2);
      await fillRaw(raw, 1, 100_000, 1_000);
      return {
        run: async () => {
          const started = performance.now();
          const { state } = await rawReadStream(raw, 's-0', 1_000);
          if (state.n !== 100_000) throw new Error(`W3 raw read ${state.n} events`);
          return state.n / ((performance.now() - started) / 1000);
        },
        close: raw.drop,
      };
    },
  },
  W4: {
    title:
      'read the whole log (200,000 events, 1,000 streams) in batches of 1,000, fold per stream',
    unit: 'events/s',
    store: async ({ url, sync }) => {
      const { store, drop } = await openStore(url, sync, 2);
      await fillStore(store, 1_000, 200, 100);
      return {
        run: async () => {
          const started = performance.now();
          const states = new Map();
          let n = 0;
          for await (const e of store.readAll({ after: 0, batchSize: 1_000 })) {
            states.set(e.streamId, fold(states.get(e.streamId) ?? EMPTY, e.data));
            n += 1;
          }
          if (n !== 200_000 || states.size !== 1_000) throw new Error(`W4 store read ${n}`);
          return n / ((performance.now() - started) / 1000);
        },
        close: drop,
      };
    },
    raw: async ({ url, sync }) => {
      const raw = await openRaw(url, sync, 2);
      await fillRaw(raw, 1_000, 200, 100);
      return {
        run: async () => {
          const started = performance.now();
          const states = new Map();
          let n = 0;
          let after = 0;
          for (;;) {
            const res = await raw.pool.query({ ...raw.sql.all, values: [after, 1_000] });
            for (const row of res.rows) {
              JSON.parse(row.metadata);
              const data = JSON.parse(row.data);
              states.set(row.stream_id, fold(states.get(row.stream_id) ?? EMPTY, data));
              after = Number(row.global_position);
              n += 1;
            }
            if (res.rows.length < 1_000) break;
          }
          if (n !== 200_000 || states.size !== 1_000) throw new Error(`W4 raw read ${n}`);
          return n / ((performance.now() - started) / 1000);
        },
        close: raw.drop,
      };
    },
  },
  W5: {
    title:
      'command round trip: 10,000 commands over 1,000 streams of 10 events (load, decide, append)',
    unit: 'commands/s',
    store: async ({ url, sync, seconds }) => ({
      run: async () => {
        const { store, drop } = await openStore(url, sync, 2);
        await fillStore(store, 1_000, 10, 10);
        const rate = await drive(1, 10_000, seconds, async (i) => {
          const streamId = `s-${i % 1_000}`;
          const { state, version } = await storeReadStream(store, streamId, 1_000);
          const decided = { ...newEvent(i), data: { ...payload(i), after: state.n } };
          unwrap(await appendToStream(store, streamId, [decided], { expectedVersion: version }));
        });
        await drop();
        return rate;
      },
      close: async () => undefined,
    }),
    raw: async ({ url, sync, seconds }) => ({
      run: async () => {
        const raw = await openRaw(url, sync, 2);
        await fillRaw(raw, 1_000, 10, 10);
        const rate = await drive(1, 10_000, seconds, async (i) => {
          const streamId = `s-${i % 1_000}`;
          const { state, version } = await rawReadStream(raw, streamId, 1_000);
          const e = newEvent(i);
          await raw.pool.query({
            ...raw.sql.insert,
            values: [
              randomUUID(),
              streamId,
              version + 1,
              e.type,
              JSON.stringify({ ...e.data, after: state.n }),
              JSON.stringify(e.metadata),
            ],
          });
        });
        await raw.drop();
        return rate;
      },
      close: async () => undefined,
    }),
  },
};

const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/**
 * Runs `warmup` unmeasured runs of each side, then `runs` measured runs alternating which side goes
 * first (store, raw, raw, store, store, raw, ...); returns each side's measured results in run
 * order. Does whatever the runs do.
 */
export const measureAlternating = async ({ store, raw, runs, warmup }) => {
  const s = [];
  const r = [];
  for (let i = 0; i < warmup; i++) {
    await store.run();
    await raw.run();
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) s.push(await store.run());
    r.push(await raw.run());
    if (i % 2 === 1) s.push(await store.run());
  }
  return { s, r };
};

/**
 * Runs the chosen workloads for the store and raw pg: first `warmup` unmeasured runs of each side (JIT
 * compilation, V8's young generation and the server's buffers settle; a read workload's first run
 * also sets the hint bits of the rows its fill wrote), then `runs` measured runs, alternating which
 * side goes first so drift on a busy machine hits both; returns one row per (workload, writers) with
 * medians, min-max and the ratio. Does I/O (creates and drops `strive_bench_*` / `raw_bench_*`
 * schemas).
 */
export const runWorkloads = async ({
  url = process.env['STRIVE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  only = Object.keys(WORKLOADS),
  runs = 3,
  warmup = 1,
  seconds = 4,
  writers = [1, 4, 16],
  sync = undefined,
  log = () => undefined,
} = {}) => {
  const rows = [];
  for (const id of only) {
    const w = WORKLOADS[id];
    if (w === undefined) throw new Error(`unknown workload ${id}; use ${Object.keys(WORKLOADS)}`);
    for (const n of id === 'W1' ? writers : [1]) {
      const config = { url, sync, writers: n, seconds };
      const store = await w.store(config);
      const raw = await w.raw(config);
      let measured;
      try {
        measured = await measureAlternating({ store, raw, runs, warmup });
      } finally {
        await store.close();
        await raw.close();
      }
      const { s, r } = measured;
      const row = { id, writers: n, unit: w.unit, store: spread(s), raw: spread(r) };
      row.ratio = row.store.median / row.raw.median;
      rows.push(row);
      log(row);
    }
  }
  return rows;
};

const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** A Markdown table of `runWorkloads` rows. Pure. */
export const formatTable = (rows) =>
  [
    '| workload | writers | store (median, min-max) | raw pg (median, min-max) | store / raw |',
    '| -------- | ------- | ----------------------- | ------------------------ | ----------- |',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${r.writers} | ${fmt(r.store.median)} (${fmt(r.store.min)}-${fmt(r.store.max)}) ${r.unit} ` +
        `| ${fmt(r.raw.median)} (${fmt(r.raw.min)}-${fmt(r.raw.max)}) | ${r.ratio.toFixed(2)} |`,
    ),
  ].join('\n');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env;
  const started = performance.now();
  const rows = await runWorkloads({
    only: env['BENCH_ONLY']?.split(',') ?? Object.keys(WORKLOADS),
    runs: Number(env['BENCH_RUNS'] ?? 3),
    warmup: Number(env['BENCH_WARMUP'] ?? 1),
    seconds: env['BENCH_FULL'] === '1' ? Infinity : Number(env['BENCH_SECONDS'] ?? 4),
    writers: (env['BENCH_WRITERS'] ?? '1,4,16').split(',').map(Number),
    sync: env['BENCH_SYNC'],
    log: (row) => console.error(JSON.stringify(row)),
  });
  console.log(formatTable(rows));
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
