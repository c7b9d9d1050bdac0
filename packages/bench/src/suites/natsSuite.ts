import { randomBytes } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { appendToStream, createMemoryEventStore, type EventStore } from '@strive/eventlog';
import { consumeEvents, ensureEventStream, runRelay, subjectOf } from '@strive/nats';
import { measuredSection } from '../run/measuredSection.js';
import type { Suite, SuiteRun } from '../run/Suite.js';
import { spread, spreadFixed } from '../stats.js';

/** Options of the NATS suite. */
export interface NatsOptions extends SuiteRun {
  readonly scale: number;
  /** `STRIVE_NATS_URL`, default `127.0.0.1:4222`. */
  readonly url: string;
}

const metadata = { at: '2026-03-01T10:00:00+01:00' };
const TYPES = ['NoticeStarted', 'ObjectionFiled', 'ObjectionResolved', 'Commended'];

const appendOne = async (store: EventStore, i: number): Promise<void> => {
  const r = await appendToStream(
    store,
    `subject-${i % 50}`,
    [{ type: TYPES[i % 4] ?? 'Commended', data: { i, text: 'x'.repeat(100) }, metadata }],
    { expectedVersion: 'any' },
  );
  if (E.isLeft(r)) throw new Error('append failed');
};

const freshStream = async (nc: NatsConnection): Promise<{ name: string; prefix: string }> => {
  const hex = randomBytes(6).toString('hex');
  const s = { name: `BENCH_${hex}`, prefix: `bench${hex}` };
  await ensureEventStream(await jetstreamManager(nc), {
    name: s.name,
    subjects: [`${s.prefix}.>`],
  });
  return s;
};

/** N1: events/s the relay publishes and has acknowledged, from a filled log to its head. */
const relayRate = async (nc: NatsConnection, events: number): Promise<number> => {
  const store = createMemoryEventStore();
  for (let i = 0; i < events; i++) await appendOne(store, i);
  const s = await freshStream(nc);
  try {
    const t0 = performance.now();
    const relay = runRelay({
      name: 'bench',
      store,
      js: jetstream(nc),
      subject: subjectOf(s.prefix),
      batchSize: 500,
      pollIntervalMs: 10,
    });
    await relay.waitFor(events);
    const seconds = (performance.now() - t0) / 1000;
    await relay.stop();
    return events / seconds;
  } finally {
    await (await jetstreamManager(nc)).streams.delete(s.name);
  }
};

/** N2: ms from `append` returning to the consumer holding the checked event, one event every 2 ms. */
const lags = async (nc: NatsConnection, events: number): Promise<number[]> => {
  const store = createMemoryEventStore();
  const s = await freshStream(nc);
  const sent = new Map<number, number>();
  const out: number[] = [];
  const relay = runRelay({
    name: 'lag',
    store,
    js: jetstream(nc),
    subject: subjectOf(s.prefix),
    pollIntervalMs: 10,
  });
  const reading = (async () => {
    for await (const m of consumeEvents({ js: jetstream(nc), stream: s.name, chain: true })) {
      if (E.isLeft(m.event)) throw new Error(m.event.left.reason);
      const at = sent.get(m.event.right.globalPosition);
      if (at !== undefined) out.push(performance.now() - at);
      if (m.event.right.globalPosition >= events) break;
    }
  })();
  try {
    for (let i = 0; i < events; i++) {
      await appendOne(store, i);
      sent.set(i + 1, performance.now());
      await new Promise((r) => setTimeout(r, 2));
    }
    await reading;
  } finally {
    await relay.stop();
    await (await jetstreamManager(nc)).streams.delete(s.name);
  }
  return out;
};

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/**
 * N1 and N2: the `@strive/nats` relay against the NATS server of `STRIVE_NATS_URL` (JetStream, file
 * storage): throughput from a filled memory log, and end-to-end lag append -> relay -> JetStream ->
 * ordered consumer (hash and chain checked). Skipped when no server answers. Does I/O.
 */
export const natsSuite = (o: NatsOptions): Suite => ({
  id: 'nats',
  title: 'N1/N2: @strive/nats relay throughput and append-to-consumer lag',
  budgetSeconds: 60,
  run: async (log) => {
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: o.url, timeout: 2000 });
    } catch (e) {
      return { _tag: 'Skipped', reason: `no NATS server at ${o.url}: ${String(e)}` };
    }
    try {
      const started = o.date();
      const n1 = Math.max(1000, Math.round(20_000 * o.scale));
      const n2 = Math.max(200, Math.round(1000 * o.scale));
      await relayRate(nc, 500); // warm-up
      const rates: number[] = [];
      const medians: number[] = [];
      const p99s: number[] = [];
      for (let run = 0; run < o.runs; run += 1) {
        const r = await relayRate(nc, n1);
        const l = await lags(nc, n2);
        rates.push(r);
        medians.push(percentile(l, 50));
        p99s.push(percentile(l, 99));
        log(
          `N run ${run + 1}: ${r.toFixed(0)} events/s; lag median ${percentile(l, 50).toFixed(1)} ms, p99 ${percentile(l, 99).toFixed(1)} ms`,
        );
      }
      const table = [
        '| workload | events | relay events/s (published and acked) | lag median ms | lag p99 ms |',
        '| -------- | -----: | -----------------------------------: | ------------: | ---------: |',
        `| N1 | ${n1} | ${spreadFixed(spread(rates), 0)} | | |`,
        `| N2 | ${n2} | | ${spreadFixed(spread(medians), 1)} | ${spreadFixed(spread(p99s), 1)} |`,
      ].join('\n');
      const markdown = measuredSection({
        heading: '## N1/N2: `@strive/nats` relay to NATS JetStream',
        started,
        command: o.command,
        context: [
          `(${o.runs} runs; medians [min-max]), nats-server on 127.0.0.1 (JetStream, file storage).`,
          `N1: a memory log of ${n1} events (50 streams, 4 types, ~200-byte data) relayed from position 0`,
          'to its head: events published **and acknowledged** per second (batches of 500, up to 64',
          'publishes in flight, checkpoint committed after each batch). N2: one event appended every 2 ms',
          '(plus the append itself); lag = from `append` returning to the ordered consumer holding the',
          'event, decoded and checked (own hash and chain), in the same process. The relay polls every',
          '10 ms when idle, which bounds most of the lag. The load of the run: see "The last `pnpm bench` run".',
        ],
        table,
      });
      return {
        _tag: 'Done',
        text: table,
        markdown,
        figures: [
          {
            suite: 'nats',
            what: 'N1: relay events/s (published and acked)',
            value: spreadFixed(spread(rates), 0),
            goal: null,
          },
          {
            suite: 'nats',
            what: 'N2: append -> consumer lag p99 (ms)',
            value: spreadFixed(spread(p99s), 1),
            goal: null,
          },
        ],
        notes: [],
      };
    } finally {
      await nc.close();
    }
  },
});
