import {
  canonicalJson,
  createMemoryEventStore,
  GENESIS_HASH,
  sealSnapshot,
  type StoredEvent,
} from '@strive/eventlog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { addItem } from './fixtures/addItem.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { order } from './fixtures/orderWorkflow.js';
import { foldEvents, initialState } from './foldEvents.js';
import { snapshotOf, stateFromSnapshot } from './loadState.js';

const stored = (
  i: number,
  type: string,
  data: StoredEvent['data'],
  schemaVersion = 1,
  at = '2026-03-29T01:30:00+01:00',
): StoredEvent => ({
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  streamId: 'order-1',
  streamPosition: i,
  globalPosition: i,
  type,
  schemaVersion,
  data,
  metadata: { at },
  prevHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});

const eventArb = fc.oneof(
  fc.record({
    type: fc.constant('ItemAdded'),
    data: fc.record({ sku: fc.string({ maxLength: 3 }), price: fc.integer({ min: 0, max: 40 }) }),
  }),
  fc.record({ type: fc.constant('OrderPlaced'), data: fc.constant({}) }),
  fc.record({
    type: fc.constant('PaymentReceived'),
    data: fc.record({ amount: fc.integer({ min: 0, max: 100 }) }),
  }),
  fc.record({
    type: fc.constant('OrderCancelled'),
    data: fc.record({ reason: fc.string({ maxLength: 5 }) }),
  }),
  fc.record({
    type: fc.constant('Shipped'),
    data: fc.record({ carrier: fc.string({ maxLength: 5 }) }),
  }),
);
const historyArb = fc
  .array(
    fc.tuple(
      eventArb,
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    ),
    { maxLength: 40 },
  )
  .map((xs) => xs.map(([e, d], i) => stored(i + 1, e.type, e.data, 1, d.toISOString())));

describe('foldEvents', () => {
  it('starts in the machine initial state with the initial context', () => {
    expect(initialState(order)).toEqual({
      value: 'open.draft',
      context: order.initialContext,
      version: 0,
      lastAt: null,
    });
  });

  it('is deterministic: same events, same state, byte for byte, in any time zone', () => {
    const saved = process.env['TZ'];
    try {
      fc.assert(
        fc.property(
          historyArb,
          fc.constantFrom('UTC', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu'),
          (events, tz) => {
            process.env['TZ'] = 'UTC';
            const here = canonicalJson(
              snapshotOf(order, 's', foldEvents(order, events), GENESIS_HASH).state,
            );
            process.env['TZ'] = tz;
            expect(
              canonicalJson(snapshotOf(order, 's', foldEvents(order, events), GENESIS_HASH).state),
            ).toBe(here);
          },
        ),
        { numRuns: 100 },
      );
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('snapshot + tail equals the full replay, at any split point', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (events, k) => {
        const split = events.length === 0 ? 0 : k % (events.length + 1);
        const snap = snapshotOf(
          order,
          'order-1',
          foldEvents(order, events.slice(0, split)),
          events[split - 1]?.hash ?? GENESIS_HASH,
        );
        const restored = stateFromSnapshot(order, structuredClone(snap));
        expect(restored).toBeDefined();
        expect(foldEvents(order, events.slice(split), restored)).toEqual(foldEvents(order, events));
      }),
      { numRuns: 150 },
    );
  });

  it('upcasts events stored at an old schema version through the upcaster chain', () => {
    // PaymentReceived v1 stored cents; v2 stores an amount.
    const old = [
      stored(1, 'ItemAdded', { sku: 'a', price: 30 }),
      stored(2, 'OrderPlaced', {}),
      stored(3, 'PaymentReceived', { cents: 3000 }, 1),
    ];
    const state = foldEvents(order, old);
    expect(state.context.paid).toBe(30);
    expect(state.value).toBe('paid');
  });

  it('refuses a gap, an unknown type and data its codec refuses, naming the event', () => {
    expect(() => foldEvents(order, [stored(2, 'OrderPlaced', {})])).toThrow(
      /position 2, expected 1/,
    );
    expect(() => foldEvents(order, [stored(1, 'Teleported', {})])).toThrow(/"Teleported".*no spec/);
    expect(() => foldEvents(order, [stored(1, 'ItemAdded', { sku: 1 })])).toThrow(
      /does not match its codec/,
    );
    expect(() => foldEvents(order, [stored(1, 'PaymentReceived', { amount: 1 }, 3)])).toThrow(
      /newer than/,
    );
  });
});

describe('snapshots', () => {
  const at = '2026-03-01T10:00:00Z';

  it('are saved every N events, stamped with the workflow key, and equal the full replay', async () => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: orderCommands, snapshotEvery: 4 });
    for (let i = 0; i < 10; i++) await engine.handle(addItem(i));
    const snap = await store.loadSnapshot('order-1', order.snapshotKey);
    expect(snap?.streamPosition).toBe(8);
    expect(order.snapshotKey).toMatch(/^order@1#[0-9a-f]{64}$/);
    const events: StoredEvent[] = [];
    for await (const e of store.readStream('order-1')) events.push(e);
    expect(await engine.load(order, 'order-1')).toEqual(foldEvents(order, events));
  });

  it('ignores a snapshot with another key or a forged position, and rebuilds', async () => {
    const store = createMemoryEventStore();
    // Three events, a snapshot every three: the load looks the snapshot up.
    const engine = createEngine({ store, commands: orderCommands, snapshotEvery: 3 });
    for (let i = 0; i < 3; i++) await engine.handle(addItem(i));
    const forged = {
      value: 'paid',
      context: { ...order.initialContext, items: 99 },
      version: 3,
      lastAt: at,
    };
    const third: StoredEvent[] = [];
    for await (const e of store.readStream('order-1', { from: 3, to: 3 })) third.push(e);
    const eventHash = third[0]?.hash ?? '';
    await store.saveSnapshot(
      sealSnapshot({
        streamId: 'order-1',
        key: 'order@1#stale',
        streamPosition: 3,
        eventHash,
        state: forged,
      }),
    );
    await store.saveSnapshot(
      sealSnapshot({
        streamId: 'order-1',
        key: order.snapshotKey,
        streamPosition: 2,
        eventHash,
        state: forged,
      }),
    );
    const state = await engine.load(order, 'order-1');
    expect(state).toMatchObject({ value: 'open.draft', version: 3, context: { items: 3 } });
  });
});
