import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
  type JsonValue,
  type ReadAllOptions,
  type StoredEvent,
} from '@strive/eventlog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customer, order, orderEvents } from './fixtures/orderWorkflow.js';
import { foldEvents } from './foldEvents.js';
import {
  replayStreams,
  type ReplayedStream,
  type ReplayStreamsOptions,
  type ReplayWorkflows,
} from './replayStreams.js';

const workflows = { order, customer };
const route = (id: string): 'order' | 'customer' =>
  id.startsWith('order-') ? 'order' : 'customer';

type Appended = readonly [streamId: string, type: string, data: JsonValue];

/** `PaymentReceived` is at schema version 2 (version 1 stored cents). */
const schemaVersionOf = (type: string): number =>
  type === 'PaymentReceived' ? orderEvents.PaymentReceived.schemaVersion : 1;

const storeWith = async (appends: readonly Appended[]): Promise<EventStore> => {
  const store = createMemoryEventStore();
  for (const [streamId, type, data] of appends) {
    const r = await appendToStream(
      store,
      streamId,
      [
        {
          type,
          data,
          schemaVersion: schemaVersionOf(type),
          metadata: { at: '2026-03-01T10:00:00Z' },
        },
      ],
      { expectedVersion: 'any' },
    );
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
  }
  return store;
};

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

const streamEvents = async (store: EventStore, id: string, to: number): Promise<StoredEvent[]> =>
  (await collect(store.readStream(id))).filter((e) => e.globalPosition <= to);

/** What a replay must hand out: every stream begun by `to`, in first-event order, fully folded. */
const expected = async (
  store: EventStore,
  to: number,
): Promise<ReplayedStream<typeof workflows>[]> => {
  const firsts = (await collect(store.readAll({ to }))).filter((e) => e.streamPosition === 1);
  const out: ReplayedStream<typeof workflows>[] = [];
  for (const { streamId } of firsts) {
    const events = await streamEvents(store, streamId, to);
    out.push(
      route(streamId) === 'order'
        ? { workflow: 'order', streamId, state: foldEvents(order, events) }
        : { workflow: 'customer', streamId, state: foldEvents(customer, events) },
    );
  }
  return out;
};

const interleaved: Appended[] = [
  ['order-1', 'ItemAdded', { sku: 'a', price: 10 }],
  ['customer-1', 'CustomerOrderPlaced', { orderId: '1' }],
  ['order-2', 'ItemAdded', { sku: 'b', price: 5 }],
  ['order-1', 'ItemAdded', { sku: 'c', price: 20 }],
  ['order-1', 'OrderPlaced', {}],
  ['customer-1', 'CustomerOrderPlaced', { orderId: '2' }],
  ['order-2', 'OrderCancelled', { reason: 'x' }],
  ['order-1', 'PaymentReceived', { amount: 30 }],
  ['order-1', 'Shipped', { carrier: 'ups' }],
  ['customer-1', 'CustomerBlocked', {}],
];

/** A store that counts `readStream` calls and records `readAll` options. */
const spied = (store: EventStore) => {
  const calls = { readStream: 0, readAll: [] as ReadAllOptions[] };
  const wrapped: EventStore = {
    ...store,
    readStream: (id, o) => ((calls.readStream += 1), store.readStream(id, o)),
    readAll: (o) => (calls.readAll.push(o ?? {}), store.readAll(o)),
  };
  return { store: wrapped, calls };
};

describe('replayStreams', () => {
  it('hands out each stream once, in first-event order, equal to foldEvents of all its events', async () => {
    const store = await storeWith(interleaved);
    const got = await collect(replayStreams(store, { workflows, route, batchSize: 2 }));
    expect(got.map((s) => s.streamId)).toEqual(['order-1', 'customer-1', 'order-2']);
    expect(got).toEqual(await expected(store, 10));
    const first = got[0];
    expect(first?.workflow === 'order' && first.state.value).toBe('shipped');
    const c = got[1];
    expect(c?.workflow === 'customer' && c.state).toEqual({
      value: 'blocked',
      context: { openOrders: 2 },
      version: 3,
      lastAt: '2026-03-01T10:00:00Z',
    });
    // `workflow` narrows the state to that workflow's context (a type error otherwise).
    const open = got.map((s) => (s.workflow === 'customer' ? s.state.context.openOrders : 0));
    expect(open).toEqual([0, 2, 0]);
  });

  it('folds a long stream read over many batches the same as foldEvents of all its events', async () => {
    const long: Appended[] = Array.from({ length: 150 }, (_, i): Appended =>
      i % 3 === 2
        ? ['customer-1', 'CustomerOrderPlaced', { orderId: String(i) }]
        : ['order-1', 'ItemAdded', { sku: String(i), price: i % 2 }],
    );
    const store = await storeWith([...long, ['order-1', 'OrderPlaced', {}]]);
    for (const batchSize of [7, 100, 1_000]) {
      const got = await collect(replayStreams(store, { workflows, route, batchSize }));
      expect(got).toEqual(await expected(store, 151));
      expect(got.map((s) => s.state.version)).toEqual([101, 50]);
    }
  });

  it('reads one window of the log, then one stream per state taken: nothing is read ahead of the caller', async () => {
    const { store, calls } = spied(await storeWith(interleaved));
    const it = replayStreams(store, { workflows, route, batchSize: 3 });
    expect(calls.readStream).toBe(0);
    await it.next();
    expect(calls.readStream).toBe(1);
    await it.next();
    expect(calls.readStream).toBe(2);
    await it.return();
    expect(calls.readAll).toEqual([{ after: 0, to: 3, batchSize: 3 }]);
  });

  it('replays up to the head when it starts: later appends are left out', async () => {
    const store = await storeWith(interleaved);
    const it = replayStreams(store, { workflows, route });
    const first = await it.next();
    const later = { metadata: { at: '2026-03-02T10:00:00Z' } };
    const any = { expectedVersion: 'any' } as const;
    await appendToStream(
      store,
      'customer-1',
      [{ type: 'CustomerBlocked', data: {}, ...later }],
      any,
    );
    await appendToStream(store, 'order-9', [{ type: 'OrderPlaced', data: {}, ...later }], any);
    const rest = await collect({ [Symbol.asyncIterator]: () => it });
    expect([first.value, ...rest]).toEqual(await expected(store, 10));
  });

  it('skips the streams route leaves out, and stops at `to` (or the head, if before)', async () => {
    const store = await storeWith(interleaved);
    const onlyOrders = await collect(
      replayStreams(store, {
        workflows,
        route: (id) => (id.startsWith('order-') ? 'order' : undefined),
        to: 4,
      }),
    );
    const want = (await expected(store, 4)).filter((s) => s.workflow === 'order');
    expect(onlyOrders).toEqual(want);
    expect(onlyOrders.map((s) => s.state.version)).toEqual([2, 1]);
    const beyond = await collect(replayStreams(store, { workflows, route, to: 1e12 }));
    expect(beyond).toEqual(await expected(store, 10));
  });

  it('throws for a route to no workflow, a bad batch size or a bad cut', async () => {
    const store = await storeWith(interleaved);
    const loose: ReplayWorkflows = workflows; // as a JavaScript caller may pass them
    const bad = (o: Partial<ReplayStreamsOptions<ReplayWorkflows>>) =>
      collect(replayStreams(store, { workflows: loose, route, ...o }));
    await expect(bad({ route: () => 'invoice' })).rejects.toThrow(/not one of the workflows/);
    await expect(bad({ batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(bad({ to: -1 })).rejects.toThrow(RangeError);
  });

  it('equals foldEvents per stream for any interleaving, batch size and cut (property)', async () => {
    const orderEvent = fc.oneof(
      fc
        .record({ sku: fc.string({ maxLength: 2 }), price: fc.integer({ min: 0, max: 60 }) })
        .map((d): [string, JsonValue] => ['ItemAdded', d]),
      fc.constant<[string, JsonValue]>(['OrderPlaced', {}]),
      fc
        .integer({ min: 0, max: 80 })
        .map((amount): [string, JsonValue] => ['PaymentReceived', { amount }]),
      fc.constant<[string, JsonValue]>(['Shipped', { carrier: 'c' }]),
    );
    const customerEvent = fc.oneof(
      fc.constant<[string, JsonValue]>(['CustomerOrderPlaced', { orderId: 'o' }]),
      fc.constant<[string, JsonValue]>(['CustomerBlocked', {}]),
    );
    const append = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 4 }), orderEvent)
        .map(([n, [type, data]]): Appended => [`order-${n}`, type, data]),
      fc
        .tuple(fc.integer({ min: 1, max: 2 }), customerEvent)
        .map(([n, [type, data]]): Appended => [`customer-${n}`, type, data]),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(append, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat({ max: 45 }),
        async (appends, batchSize, cut) => {
          const store = await storeWith(appends);
          const to = Math.min(cut, appends.length);
          const got = await collect(replayStreams(store, { workflows, route, batchSize, to }));
          expect(got).toEqual(await expected(store, to));
        },
      ),
      { numRuns: 100 },
    );
  });
});
