import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMemoryEventStore,
  type EventStore,
  type StoredEvent,
} from '../../packages/eventlog/src/index.js';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { hostileAppend } from './support/hostileAppend.js';
import { describePg } from './support/pgEnv.js';
import { seedOf } from './support/prng.js';

const SEED = seedOf(1337);

/** SQL metacharacters, injection attempts and Unicode that a store must keep byte for byte. */
const SAFE = [
  "'",
  '"',
  '%',
  '_',
  ';',
  '--',
  '/*',
  '*/',
  '\\',
  "'; DROP TABLE events; --",
  "' OR '1'='1",
  '$1',
  '?',
  'é',
  '第',
  '😀',
  '\u200b',
  ' ',
  'stream',
];
/** What no store can keep faithfully (NUL in PostgreSQL text, controls, lone surrogates in UTF-8). */
const BAD = ['\0', '\n', '\u007f', '\uD800', '\uDC00'];

const joined = (pieces: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 12 }).map((p) => p.join(''));

/** Hostile names: mostly storable ones, some with bad characters, some 200, 1,000 or 10 KB long. */
const nameArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: joined(SAFE), weight: 12 },
  { arbitrary: joined([...SAFE, ...BAD]), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...SAFE, ...BAD), fc.constantFrom(199, 200, 201, 1_000, 1_001, 10_240))
      .map(([p, n]) => p.repeat(n).slice(0, n)),
    weight: 3,
  },
);

/** The oracle, from the port's contract: non-empty, short enough, no control character, no lone surrogate. */
const storable = (s: string, max: number): boolean =>
  s.length > 0 &&
  s.length <= max &&
  ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) &&
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const collect = async (it: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
};

/** Appends under hostile names: each is stored and read back exactly, or refused as InvalidEvent. */
const checkNames = async (store: EventStore, runs: number, what: string): Promise<void> => {
  let stored = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(nameArb, nameArb, async (streamId, type) => {
      const before = await store.head();
      const r = await hostileAppend(store, streamId, [
        { type, data: { streamId, type }, metadata: { at: '2010-05-10T09:00:00+08:00' } },
      ]);
      const ok = storable(streamId, 1_000) && storable(type, 200);
      if (!ok) {
        expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
        expect(await store.head()).toEqual(before);
        refused += 1;
        return;
      }
      if (r._tag === 'Left') throw new Error(`refused a storable name: ${JSON.stringify(r.left)}`);
      const [event] = r.right.events;
      if (event === undefined) throw new Error('no event');
      const back = await collect(store.readStream(streamId, { from: event.streamPosition }));
      expect(back).toEqual([event]);
      expect(back[0]?.streamId).toBe(streamId);
      expect(back[0]?.type).toBe(type);
      expect(back[0]?.data).toEqual({ streamId, type });
      expect(await store.readEvent(event.eventId)).toEqual(event);
      expect(await store.streamVersion(streamId)).toBe(event.streamPosition);
      stored += 1;
    }),
    { numRuns: runs, seed: SEED, endOnFailure: true },
  );
  const all = await collect(store.readAll());
  expect(all.length).toBe(stored);
  console.log(
    `injection and names, ${what} (fast-check seed ${SEED}): ${runs} hostile (stream id, type) pairs: ${stored} round-tripped exactly, ${refused} refused with InvalidEvent, no store error escaped`,
  );
};

describe('hostile stream ids and event types', () => {
  it('round-trip exactly or are refused with InvalidEvent on the memory store (the reference)', async () => {
    await checkNames(createMemoryEventStore(), 1_000, 'memory');
  });

  it('round-trip exactly or are refused with InvalidEvent on SQLite, and no SQL error escapes', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    try {
      await checkNames(store, 1_000, 'SQLite');
    } finally {
      await store.close();
    }
  }, 120_000);
});

describePg('hostile stream ids and event types on PostgreSQL', (pg) => {
  it('round-trip exactly or are refused with InvalidEvent, and no SQL error escapes', async () => {
    await checkNames(pg.store(), 300, 'PostgreSQL');
  }, 120_000);
});
