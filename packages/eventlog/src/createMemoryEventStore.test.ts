import { appendToStream } from './appendToStream.js';
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from './createMemoryEventStore.js';
import { GENESIS_HASH } from './EventEnvelope.js';
import {
  collect,
  describeEventStoreContract,
  newTestEvent,
  testEventId,
  unwrapLeft,
  unwrapRight,
} from './testing.js';

/** An own property of a value, if it is an object. */
const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? Object.getOwnPropertyDescriptor(v, key)?.value : undefined;

describeEventStoreContract('memory', () => Promise.resolve(createMemoryEventStore()));
describeEventStoreContract(
  'memory with a 64 KiB event limit',
  () => Promise.resolve(createMemoryEventStore({ maxEventBytes: 64 * 1024 })),
  { maxEventBytes: 64 * 1024 },
);

describe('createMemoryEventStore', () => {
  it('uses the given id generator for events without an id', async () => {
    let n = 0;
    const store = createMemoryEventStore({ newId: () => testEventId(++n) });
    const r = unwrapRight(
      await appendToStream(store, 's', [newTestEvent('A'), newTestEvent('B')], {
        expectedVersion: 'any',
      }),
    );
    expect(r.events.map((e) => e.eventId)).toEqual([testEventId(1), testEventId(2)]);
  });

  it('returns deeply frozen events', async () => {
    const store = createMemoryEventStore();
    const r = unwrapRight(
      await appendToStream(store, 's', [newTestEvent('A', { list: [{ x: 1 }] })], {
        expectedVersion: 'any',
      }),
    );
    const [e] = await collect(store.readAll());
    for (const event of [r.events[0], e]) {
      expect(Object.isFrozen(event)).toBe(true);
      expect(Object.isFrozen(event?.metadata)).toBe(true);
      const list = field(event?.data, 'list');
      expect(Object.isFrozen(list)).toBe(true);
      expect(Object.isFrozen(field(list, '0'))).toBe(true);
    }
  });

  it('refuses writes and reads after close, and stops its subscriptions', async () => {
    const store = createMemoryEventStore();
    const sub = store.subscribe({ after: 0, handler: () => undefined });
    await store.close();
    await expect(sub.done).resolves.toBeUndefined();
    expect(
      unwrapLeft(await appendToStream(store, 's', [newTestEvent('A')], { expectedVersion: 'any' })),
    ).toMatchObject({
      _tag: 'StoreUnavailable',
    });
    expect(unwrapLeft(await store.appendMany([]))).toMatchObject({ _tag: 'StoreUnavailable' });
    await expect(store.head()).rejects.toThrow(/closed/);
    await expect(collect(store.readAll())).rejects.toThrow(/closed/);
    await expect(store.readDocument('p', 'k')).rejects.toThrow(/closed/);
    expect(() => store.subscribe({ after: 0, handler: () => undefined })).toThrow(/closed/);
    await store.close();
  });

  it('throws on malformed read options, naming them, when the read starts', async () => {
    const store = createMemoryEventStore();
    await expect(collect(store.readStream('s', { from: 0 }))).rejects.toThrow(/readStream: from/);
    await expect(collect(store.readStream('s', { batchSize: 0 }))).rejects.toThrow(/batchSize/);
    await expect(collect(store.readAll({ after: -1 }))).rejects.toThrow(/readAll: after/);
    await expect(collect(store.readAll({ to: 1.5 }))).rejects.toThrow(/readAll: to/);
  });

  it('rejects a malformed projection commit or snapshot instead of storing it', async () => {
    const store = createMemoryEventStore();
    await expect(
      store.commitProjection({
        projection: 'p',
        expectedCheckpoint: 0,
        checkpoint: 1,
        upserts: [{ key: 'k', value: NaN }],
        deletes: [],
      }),
    ).rejects.toThrow(/NaN/);
    await expect(
      store.saveSnapshot({
        streamId: 's',
        key: '',
        streamPosition: 0,
        eventHash: GENESIS_HASH,
        state: null,
        digest: GENESIS_HASH,
      }),
    ).rejects.toThrow(/key/);
    expect(await store.readCheckpoint('p')).toBe(0);
  });
});
