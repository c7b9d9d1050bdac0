// Append throughput of @strive/store-postgres next to raw `pg` inserts of the same rows.
// Not a test: run `npx tsc -b packages/store-postgres && node packages/store-postgres/bench/appendThroughput.js`
// with STRIVE_PG_URL set (default postgres://postgres@127.0.0.1:5432/test). Each case runs for
// SECONDS seconds, three times; the median events/s is printed, with the store/raw ratio.
import { randomBytes, randomUUID } from 'node:crypto';
import console from 'node:console';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import pg from 'pg';
import { createPostgresEventStore } from '../dist/index.js';
import { appendToStream } from '@strive/eventlog';

const url = process.env['STRIVE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2);
const WRITERS = [1, 4, 16];
const at = '2010-05-10T09:00:00+08:00';
const event = (i) => ({
  eventId: randomUUID(),
  type: 'Pledged',
  data: { i, text: 'serve the people' },
  metadata: { at },
});
const hex = () => randomBytes(32).toString('hex');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `writers` loops for SECONDS; each call of `step(w, i)` returns the events it wrote. */
const measure = async (writers, step) => {
  const deadline = performance.now() + SECONDS * 1000;
  let events = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const n = await step(w, i); // not `events += await ...`, which would lose concurrent updates
        events += n;
      }
    }),
  );
  return events / ((performance.now() - started) / 1000);
};

const storeCase = async (writers, batch) => {
  const schema = `strive_bench_${randomBytes(4).toString('hex')}`;
  const store = createPostgresEventStore({ connectionString: url, schema, poolSize: writers + 1 });
  await store.ready();
  const versions = new Array(writers).fill(0);
  const rate = await measure(writers, async (w) => {
    const events = Array.from({ length: batch }, (_, k) => event(k));
    const r = await appendToStream(store, `writer-${w}`, events, { expectedVersion: versions[w] });
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
    versions[w] = r.right.streamVersion;
    return batch;
  });
  await store.pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await store.close();
  return rate;
};

const rawCase = async (writers, batch) => {
  const schema = `raw_bench_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: url, max: writers + 1 });
  await pool.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.events (
    global_position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL,
    stream_position bigint NOT NULL, type text NOT NULL, schema_version integer NOT NULL, data text NOT NULL,
    metadata text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, UNIQUE (stream_id, stream_position))`);
  const positions = new Array(writers).fill(0);
  const sql = `INSERT INTO ${schema}.events (event_id, stream_id, stream_position, type, schema_version,
      data, metadata, prev_hash, hash)
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::integer[], $6::text[],
      $7::text[], $8::text[], $9::text[])`;
  const rate = await measure(writers, async (w) => {
    const events = Array.from({ length: batch }, (_, k) => event(k));
    const start = positions[w];
    positions[w] += batch;
    await pool.query(sql, [
      events.map((e) => e.eventId),
      events.map(() => `writer-${w}`),
      events.map((_, k) => start + k + 1),
      events.map((e) => e.type),
      events.map(() => 1),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      events.map(hex),
      events.map(hex),
    ]);
    return batch;
  });
  await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool.end();
  return rate;
};

const rows = [];
for (const batch of [1, 100])
  for (const writers of WRITERS) {
    const store = [];
    const raw = [];
    for (let run = 0; run < 3; run++) {
      store.push(await storeCase(writers, batch));
      raw.push(await rawCase(writers, batch));
    }
    const s = median(store);
    const r = median(raw);
    rows.push({
      batch,
      writers,
      store: Math.round(s),
      raw: Math.round(r),
      ratio: (s / r).toFixed(2),
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
console.log('\n| events per append | writers | store events/s | raw pg events/s | store/raw |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.batch} | ${r.writers} | ${r.store} | ${r.raw} | ${r.ratio} |`);
