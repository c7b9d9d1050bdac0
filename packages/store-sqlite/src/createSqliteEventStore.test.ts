import * as E from 'fp-ts/lib/Either.js';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { describeEventStoreContract } from '@strive/eventlog/testing';
import {
  appendToStream,
  isChainBroken,
  sealSnapshot,
  verify,
  type InlineProjection,
} from '@strive/eventlog';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';
import { collect, commitment, tempDir, uuid } from './testSupport/fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const open = (path = ':memory:'): SqliteEventStore => {
  const store = createSqliteEventStore({ path });
  cleanups.push(() => store.close());
  return store;
};

describe('createSqliteEventStore', () => {
  it('appends, reads back and verifies a chained log', async () => {
    const store = open();
    const a = await appendToStream(store, 's-1', [commitment(1), commitment(2)], {
      expectedVersion: 'no-stream',
    });
    const b = await appendToStream(store, 's-2', [commitment(3)], { expectedVersion: 0 });
    expect(E.isRight(a) && a.right.globalPositions).toEqual([1, 2]);
    expect(E.isRight(b) && b.right.globalPositions).toEqual([3]);
    const all = await collect(store.readAll({ batchSize: 2 }));
    expect(all.map((e) => [e.streamId, e.streamPosition, e.globalPosition])).toEqual([
      ['s-1', 1, 1],
      ['s-1', 2, 2],
      ['s-2', 1, 3],
    ]);
    expect(all).toEqual([
      ...(E.isRight(a) ? a.right.events : []),
      ...(E.isRight(b) ? b.right.events : []),
    ]);
    expect(await store.head()).toEqual({ globalPosition: 3, hash: all[2]?.hash });
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: 3 });
  });

  it('refuses a stale expected version and writes nothing', async () => {
    const store = open();
    await appendToStream(store, 's', [commitment(1)], { expectedVersion: 'no-stream' });
    const r = await appendToStream(store, 's', [commitment(2)], { expectedVersion: 0 });
    expect(r).toEqual(
      E.left({ _tag: 'ConcurrencyConflict', streamId: 's', expected: 0, actual: 1 }),
    );
    expect(await store.streamVersion('s')).toBe(1);
  });

  it('answers a repeated batch as a duplicate even with its old expected version', async () => {
    const store = open();
    const batch = [commitment(1, uuid(1)), commitment(2, uuid(2))];
    const first = await appendToStream(store, 's', batch, { expectedVersion: 'no-stream' });
    const again = await appendToStream(store, 's', batch, { expectedVersion: 'no-stream' });
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
    expect(E.isRight(again) && again.right.events).toEqual(E.isRight(first) && first.right.events);
    expect((await store.head()).globalPosition).toBe(2);
  });

  it('refuses an id reused with other content, rolling back the rows inserted before it', async () => {
    const store = open();
    await appendToStream(store, 's', [commitment(1, uuid(1))], { expectedVersion: 'any' });
    const r = await appendToStream(store, 't', [commitment(5, uuid(5)), commitment(9, uuid(1))], {
      expectedVersion: 'any',
    });
    expect(E.isLeft(r) && r.left._tag).toBe('IdempotencyConflict');
    expect(await store.streamVersion('t')).toBe(0);
    expect(await store.readEvent(uuid(5))).toBeUndefined();
  });

  it('refuses invalid input before any I/O, naming the path', async () => {
    const store = open();
    const bad = { ...commitment(1), data: { n: Number.NaN } };
    const r = await store.appendMany([
      { streamId: 'a', expectedVersion: 'any', events: [commitment(2)] },
      { streamId: 'b', expectedVersion: 'any', events: [bad] },
    ]);
    expect(E.isLeft(r) && r.left).toMatchObject({
      _tag: 'InvalidEvent',
      path: 'requests[1].events[0].data.n',
    });
    const v = await appendToStream(store, 'a', [commitment(1)], { expectedVersion: -1 });
    expect(E.isLeft(v) && v.left).toMatchObject({
      _tag: 'InvalidEvent',
      path: 'options.expectedVersion',
    });
    expect((await store.head()).globalPosition).toBe(0);
  });

  it('appends to several streams atomically or not at all', async () => {
    const store = open();
    await appendToStream(store, 'b', [commitment(1)], { expectedVersion: 'any' });
    const failed = await store.appendMany([
      { streamId: 'a', expectedVersion: 'no-stream', events: [commitment(2)] },
      { streamId: 'b', expectedVersion: 'no-stream', events: [commitment(3)] },
    ]);
    expect(E.isLeft(failed) && failed.left._tag).toBe('ConcurrencyConflict');
    expect(await store.streamVersion('a')).toBe(0);
    const ok = await store.appendMany([
      { streamId: 'a', expectedVersion: 'no-stream', events: [commitment(2)] },
      { streamId: 'b', expectedVersion: 1, events: [commitment(3)] },
    ]);
    expect(E.isRight(ok) && ok.right.map((x) => x.globalPositions)).toEqual([[2], [3]]);
  });

  it('reads a stream range forward and backward across batches', async () => {
    const store = open();
    await appendToStream(
      store,
      's',
      [1, 2, 3, 4, 5, 6].map((n) => commitment(n)),
      { expectedVersion: 'any' },
    );
    const pos = async (o: Parameters<SqliteEventStore['readStream']>[1]): Promise<number[]> =>
      (await collect(store.readStream('s', o))).map((e) => e.streamPosition);
    expect(await pos({ batchSize: 4 })).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await pos({ from: 2, to: 5, direction: 'backward', batchSize: 2 })).toEqual([
      5, 4, 3, 2,
    ]);
    expect(await pos({ from: 5, batchSize: 1 })).toEqual([5, 6]);
    expect(await pos({ from: 4, to: 3 })).toEqual([]);
    await expect(collect(store.readStream('s', { batchSize: 0 }))).rejects.toThrow(RangeError);
  });

  it('keeps inline projections in the same transaction as the events', async () => {
    const store = open();
    const count: InlineProjection = {
      name: 'count',
      keyOf: (e) => e.streamId,
      apply: (doc, _e) => (typeof doc === 'number' ? doc + 1 : 1),
    };
    await appendToStream(store, 's', [commitment(1), commitment(2)], {
      expectedVersion: 'any',
      inline: [count],
    });
    await store.appendMany([{ streamId: 's', expectedVersion: 2, events: [commitment(3)] }], {
      inline: [count],
    });
    expect(await store.readDocument('count', 's')).toBe(3);
    const broken: InlineProjection = { ...count, apply: () => Number.POSITIVE_INFINITY };
    await expect(
      appendToStream(store, 's', [commitment(4)], { expectedVersion: 3, inline: [broken] }),
    ).rejects.toThrow(/not plain JSON/);
    expect(await store.streamVersion('s')).toBe(3);
    expect(await store.readDocument('count', 's')).toBe(3);
  });

  it('commits projection documents with a compare-and-set checkpoint', async () => {
    const store = open();
    const commit = {
      projection: 'p',
      expectedCheckpoint: 0,
      checkpoint: 5,
      upserts: [{ key: 'k', value: { a: 1 } }],
      deletes: [],
    };
    expect(await store.commitProjection(commit)).toEqual(E.right(undefined));
    expect(await store.commitProjection(commit)).toEqual(
      E.left({ _tag: 'CheckpointConflict', projection: 'p', expected: 0, actual: 5 }),
    );
    await store.commitProjection({
      ...commit,
      expectedCheckpoint: 5,
      checkpoint: 6,
      upserts: [{ key: 'j', value: 2 }],
      deletes: ['k'],
    });
    expect(await collect(store.readDocuments('p'))).toEqual([{ key: 'j', value: 2 }]);
    expect(await store.readCheckpoint('p')).toBe(6);
    await store.resetProjection('p');
    expect(await store.readCheckpoint('p')).toBe(0);
    expect(await store.readDocument('p', 'j')).toBeUndefined();
  });

  it('reads documents in key order across batches', async () => {
    const store = open();
    const keys = Array.from({ length: 1203 }, (_, i) => `k${String(i).padStart(5, '0')}`);
    await store.commitProjection({
      projection: 'p',
      expectedCheckpoint: 0,
      checkpoint: 1,
      deletes: [],
      upserts: [...keys].reverse().map((key, value) => ({ key, value })),
    });
    expect((await collect(store.readDocuments('p'))).map((d) => d.key)).toEqual(keys);
  });

  it('saves, replaces and loads snapshots', async () => {
    const store = open();
    const h = (c: string): string => c.repeat(64);
    await store.saveSnapshot(
      sealSnapshot({
        streamId: 's',
        key: 'v1',
        streamPosition: 3,
        eventHash: h('3'),
        state: { n: 3 },
      }),
    );
    const seven = sealSnapshot({
      streamId: 's',
      key: 'v1',
      streamPosition: 7,
      eventHash: h('7'),
      state: { n: 7 },
    });
    await store.saveSnapshot(seven);
    expect(await store.loadSnapshot('s', 'v1')).toEqual(seven);
    expect(await store.loadSnapshot('s', 'v2')).toBeUndefined();
  });

  it('delivers appended events to a subscription in order, woken on append', async () => {
    const store = open();
    await appendToStream(store, 's', [commitment(1)], { expectedVersion: 'any' });
    const seen: number[] = [];
    const sub = store.subscribe({
      after: 0,
      handler: (e) => void seen.push(e.globalPosition),
      pollIntervalMs: 60_000,
    });
    await sub.waitFor(1);
    await appendToStream(store, 's', [commitment(2), commitment(3)], { expectedVersion: 1 });
    await sub.waitFor(3);
    expect(seen).toEqual([1, 2, 3]);
    await sub.stop();
  });

  it('persists across reopen of a file and refuses use after close', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const first = createSqliteEventStore({ path: t.file });
    await appendToStream(first, 's', [commitment(1)], { expectedVersion: 'any' });
    await first.close();
    const closed = await appendToStream(first, 's', [commitment(2)], { expectedVersion: 'any' });
    expect(E.isLeft(closed) && closed.left).toMatchObject({
      _tag: 'StoreUnavailable',
      reason: /closed/,
    });
    const second = open(t.file);
    expect(await store2Head(second)).toBe(1);
  });
});

const store2Head = async (s: SqliteEventStore): Promise<number> => (await s.head()).globalPosition;

describe('verify on a sqlite store', () => {
  it('is clean on a fresh store', async () => {
    expect(isChainBroken(await verify(open()))).toBe(false);
  });
});

describeEventStoreContract(':memory: sqlite store', () =>
  Promise.resolve(createSqliteEventStore({ path: ':memory:' })),
);

const contractDir = tempDir();
afterAll(() => contractDir.remove());
let contractFiles = 0;
describeEventStoreContract('file sqlite store', () =>
  Promise.resolve(
    createSqliteEventStore({ path: join(contractDir.dir, `contract-${++contractFiles}.db`) }),
  ),
);
