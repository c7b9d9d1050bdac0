import {
  appendToStream,
  createMemoryEventStore,
  hasProjectionDocuments,
  hasSnapshots,
  type EventLog,
} from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { addItem } from './fixtures/addItem.js';
import { orderCommands, orderSummary, salesBySku } from './fixtures/orderCommands.js';
import { order } from './fixtures/orderWorkflow.js';

/** A decorator over the log alone: it counts appended events and forwards every other call. */
const counting = (inner: EventLog) => {
  const counts = { appends: 0, events: 0 };
  const log: EventLog = {
    appendMany: async (requests, options) => {
      counts.appends += 1;
      counts.events += requests.reduce((n, r) => n + r.events.length, 0);
      return inner.appendMany(requests, options);
    },
    readStream: (streamId, options) => inner.readStream(streamId, options),
    readAll: (options) => inner.readAll(options),
    readEvent: (eventId) => inner.readEvent(eventId),
    streamVersion: (streamId) => inner.streamVersion(streamId),
    head: () => inner.head(),
    subscribe: (options) => inner.subscribe(options),
    close: () => inner.close(),
  };
  return { log, counts };
};

const at = '2026-03-01T10:00:00Z';

describe('a decorator over the EventLog port', () => {
  it('forwards 8 methods, and has neither snapshots nor documents of its own', () => {
    const { log } = counting(createMemoryEventStore());
    expect(Object.keys(log)).toHaveLength(8);
    expect(hasSnapshots(log)).toBe(false);
    expect(hasProjectionDocuments(log)).toBe(false);
    // The whole store has both capabilities.
    const store = createMemoryEventStore();
    expect(hasSnapshots(store) && hasProjectionDocuments(store)).toBe(true);
  });

  it('runs the engine end to end, with the inner store snapshots and documents beside it', async () => {
    // #region engine
    const inner = createMemoryEventStore();
    const { log, counts } = counting(inner);
    const engine = createEngine({
      store: log,
      snapshots: inner,
      documents: inner,
      commands: orderCommands,
      projections: [orderSummary, salesBySku],
      snapshotEvery: 4,
      stateCacheSize: 0,
    });
    // #endregion engine
    for (let i = 0; i < 6; i++) expect((await engine.handle(addItem(i)))._tag).toBe('Accepted');
    await engine.handle({ type: 'PlaceOrder', id: 'p1', at, orderId: '1', customerId: 'c' });
    const { fired } = await engine.tick('2026-03-05T00:00:00Z');
    expect(fired.map((f) => f.outcome._tag)).toEqual(['Accepted']);
    // 6 items, the order placed (3 events over 2 streams), its cancellation, then TimerFired.
    expect(counts).toEqual({ appends: 9, events: 6 + 3 + 1 + 1 });
    expect((await engine.load(order, 'order-1')).value).toBe('cancelled');
    // Snapshots went to the inner store; the inline and async read models read its documents.
    expect((await inner.loadSnapshot('order-1', order.snapshotKey))?.streamPosition).toBe(8);
    expect(await (await engine.project(orderSummary)).get('order-1')).toMatchObject({
      items: 6,
      status: 'cancelled',
    });
    expect(await (await engine.project(salesBySku)).get('s3')).toEqual({ count: 1 });
    expect(counts.appends).toBe(9);
  });

  it('without snapshots every load folds the stream, and nothing is saved', async () => {
    const inner = createMemoryEventStore();
    const { log } = counting(inner);
    const engine = createEngine({ store: log, commands: orderCommands, snapshotEvery: 2 });
    for (let i = 0; i < 5; i++) await engine.handle(addItem(i));
    expect((await engine.load(order, 'order-1')).version).toBe(5);
    expect(await inner.loadSnapshot('order-1', order.snapshotKey)).toBeUndefined();
    // The same engine on the whole store takes its snapshots from it.
    const whole = createEngine({ store: inner, commands: orderCommands, snapshotEvery: 2 });
    await whole.handle(addItem(5));
    expect(await inner.loadSnapshot('order-1', order.snapshotKey)).toBeDefined();
  });

  it('refuses projections without documents, and says how to fix it', async () => {
    const { log } = counting(createMemoryEventStore());
    expect(() =>
      createEngine({ store: log, commands: orderCommands, projections: [salesBySku] }),
    ).toThrow(/pass `documents`/);
    const engine = createEngine({ store: log, commands: orderCommands });
    await expect(engine.tick(at)).rejects.toThrow(/pass `documents`/);
    await appendToStream(log, 's', [{ type: 'T', data: {}, metadata: { at } }], {
      expectedVersion: 'no-stream',
    });
    expect(await log.streamVersion('s')).toBe(1);
  });
});
