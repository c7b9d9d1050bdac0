import {
  appendToStream,
  canonicalJson,
  createMemoryEventStore,
  type EventStore,
  type NewEvent,
} from '../../packages/eventlog/src/index.js';
import { DEFAULT_MAX_EVENT_BYTES } from '../../packages/eventlog/src/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { createPostgresEventStore } from '../../packages/store-postgres/src/index.js';
import { assertBuilt, child, tempDir } from './support/paths.js';
import { describePg } from './support/pgEnv.js';
import { openRawSqlite } from './support/rawSqlite.js';
import { linesOf, spawnNode } from './support/spawnNode.js';

const metadata = { at: '2010-05-10T09:00:00+08:00' };

/** An event whose canonical data + metadata is exactly `bytes` UTF-8 bytes, padded with 3-byte '第'. */
const eventOfBytes = (bytes: number): NewEvent => {
  const fixed =
    Buffer.byteLength(canonicalJson({ text: '' })) + Buffer.byteLength(canonicalJson(metadata));
  const room = bytes - fixed;
  const text = '第'.repeat(Math.floor(room / 3)) + 'x'.repeat(room % 3);
  const e = { type: 'Sized', data: { text }, metadata };
  expect(
    Buffer.byteLength(canonicalJson(e.data)) + Buffer.byteLength(canonicalJson(metadata)),
  ).toBe(bytes);
  return e;
};

const sizeChecks = async (store: EventStore, limit: number): Promise<void> => {
  const at = await appendToStream(store, 'sized', [eventOfBytes(limit)], {
    expectedVersion: 'any',
  });
  expect(at._tag, 'an event of exactly the limit').toBe('Right');
  const head = await store.head();
  const over = await appendToStream(store, 'sized', [eventOfBytes(limit + 1)], {
    expectedVersion: 'any',
  });
  expect(over).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
  const huge = await appendToStream(store, 'sized', [eventOfBytes(10 * limit)], {
    expectedVersion: 'any',
  });
  expect(huge).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
  expect(await store.head()).toEqual(head);
};

describe('event size limit', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('accepts an event of exactly the limit and refuses one byte more, in UTF-8 bytes (memory, default 1 MiB)', async () => {
    await sizeChecks(createMemoryEventStore(), DEFAULT_MAX_EVENT_BYTES);
    await sizeChecks(createMemoryEventStore({ maxEventBytes: 1_000 }), 1_000);
  });

  it('refuses an oversize event on SQLite before any I/O: InvalidEvent even while another connection holds the write lock', async () => {
    const path = dir.file('limits.db');
    const store = createSqliteEventStore({ path, busyTimeoutMs: 0, maxRetries: 0 });
    const raw = openRawSqlite(path);
    try {
      await sizeChecks(store, DEFAULT_MAX_EVENT_BYTES);
      const count = (): unknown => raw.prepare('SELECT COUNT(*) AS n FROM events').get();
      const before = count();
      raw.exec('BEGIN EXCLUSIVE');
      // Any write the store attempted now would fail on the lock (StoreUnavailable), as this control shows.
      const control = await appendToStream(store, 'sized', [eventOfBytes(100)], {
        expectedVersion: 'any',
      });
      expect(control).toMatchObject({ _tag: 'Left', left: { _tag: 'StoreUnavailable' } });
      const over = await appendToStream(
        store,
        'sized',
        [eventOfBytes(DEFAULT_MAX_EVENT_BYTES + 1)],
        {
          expectedVersion: 'any',
        },
      );
      expect(over).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
      const many = await store.appendMany([
        { streamId: 'a', expectedVersion: 'any', events: [eventOfBytes(100)] },
        {
          streamId: 'b',
          expectedVersion: 'any',
          events: [eventOfBytes(DEFAULT_MAX_EVENT_BYTES + 1)],
        },
      ]);
      expect(many).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
      raw.exec('ROLLBACK');
      expect(count()).toEqual(before);
      console.log(
        `limits, SQLite: an event of exactly ${DEFAULT_MAX_EVENT_BYTES} bytes accepted, ${DEFAULT_MAX_EVENT_BYTES + 1} refused; with the write lock held elsewhere a 100-byte append gets StoreUnavailable but the oversize ones get InvalidEvent (refused before touching the database), row count unchanged`,
      );
    } finally {
      raw.close();
      await store.close();
    }
  });
});

describePg('event size limit on PostgreSQL', (pg) => {
  it('refuses an oversize event before any statement: the pool is not even asked for a connection', async () => {
    const owner = pg.store();
    await sizeChecks(owner, DEFAULT_MAX_EVENT_BYTES);
    let touched = 0;
    // Counts every look-up of `connect` or `query` on the pool: a superset of the statements run.
    const spied = new Proxy(owner.pool, {
      get(target, prop, receiver): unknown {
        if (prop === 'connect' || prop === 'query') touched += 1;
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const store = createPostgresEventStore({ pool: spied, schema: owner.schema });
    await store.ready();
    // The control: an append of a small event, counted on its own (not with what ready() did), must
    // show up in the count, or the spy would not see the I/O it is meant to rule out.
    touched = 0;
    const control = await appendToStream(store, 'sized', [eventOfBytes(100)], {
      expectedVersion: 'any',
    });
    expect(control._tag).toBe('Right');
    const controlTouched = touched;
    expect(controlTouched).toBeGreaterThan(0);
    const head = await store.head();
    touched = 0;
    const over = await appendToStream(store, 'sized', [eventOfBytes(DEFAULT_MAX_EVENT_BYTES + 1)], {
      expectedVersion: 'any',
    });
    const many = await store.appendMany([
      { streamId: 'a', expectedVersion: 'any', events: [eventOfBytes(100)] },
      {
        streamId: 'b',
        expectedVersion: 'any',
        events: [eventOfBytes(2 * DEFAULT_MAX_EVENT_BYTES)],
      },
    ]);
    const statements = touched;
    expect(over).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
    expect(many).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
    expect(statements).toBe(0);
    expect(await store.head()).toEqual(head);
    await store.close();
    console.log(
      `limits, PostgreSQL: oversize append and appendMany refused with InvalidEvent after ${statements} pool look-ups (a 100-byte control append needed ${controlTouched}), head unchanged`,
    );
  });
});

describe('replay memory', () => {
  beforeAll(() => assertBuilt());

  it('stays flat while folding 100,000 then 1,000,000 events through foldEvents (child process, forced GC)', async () => {
    const run = await spawnNode(child('replayMemory.js'), ['100000', '1000000'], {
      env: { NODE_OPTIONS: '--expose-gc' },
    });
    expect(run.stderr).toBe('');
    const out: unknown = JSON.parse(linesOf(run.stdout)[0] ?? 'null');
    if (!isReplayReport(out)) throw new Error(`unexpected output ${run.stdout}`);
    const [small, large] = out.points;
    if (small === undefined || large === undefined) throw new Error('two points expected');
    expect(out.version).toBe(1_000_000);
    // Retaining the 900,000 extra envelopes (~0.5 KB each) would add ~400 MiB; folding keeps none. The
    // live heap after GC is the exact measure; RSS also counts V8's young generation and allocator
    // slack, which grow a little with throughput, so it only gets a coarse bound.
    expect(large.heapUsedMiB - small.heapUsedMiB).toBeLessThan(5);
    expect(large.peakRssMiB - small.peakRssMiB).toBeLessThan(100);
    console.log(
      `limits, replay memory: after ${small.events} events heap ${small.heapUsedMiB} MiB, RSS ${small.rssMiB} MiB, peak RSS ${small.peakRssMiB} MiB; after ${large.events} events heap ${large.heapUsedMiB} MiB, RSS ${large.rssMiB} MiB, peak RSS ${large.peakRssMiB} MiB (${out.ms} ms)`,
    );
  }, 120_000);
});

interface Point {
  readonly events: number;
  readonly rssMiB: number;
  readonly peakRssMiB: number;
  readonly heapUsedMiB: number;
}

const isReplayReport = (u: unknown): u is { points: Point[]; ms: number; version: number } =>
  typeof u === 'object' &&
  u !== null &&
  'points' in u &&
  Array.isArray(u.points) &&
  'ms' in u &&
  'version' in u;
