import { createMemoryEventStore, type EventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { catchUpProjection } from './catchUpProjection.js';
import { createEngine } from './createEngine.js';
import { orderCommands, orderSummary, salesBySku } from './fixtures/orderCommands.js';

const at = '2026-03-01T10:00:00Z';
const add = (id: string, orderId: string, sku: string, price = 1) => ({
  type: 'AddItem',
  id,
  at,
  orderId,
  sku,
  price,
});

const seeded = async (store: EventStore = createMemoryEventStore()) => {
  const engine = createEngine({
    store,
    commands: orderCommands,
    projections: [orderSummary, salesBySku],
    projectionBatchSize: 2,
  });
  await engine.handle(add('a', '1', 'apple', 5));
  await engine.handle(add('b', '1', 'pear', 7));
  await engine.handle(add('c', '2', 'apple', 1));
  return { store, engine };
};

describe('projections', () => {
  it('inline: updated in the same transaction as the append', async () => {
    const { store } = await seeded();
    expect(await store.readDocument(orderSummary.storageName, 'order-1')).toEqual({
      items: 2,
      total: 12,
      status: 'open',
    });
  });

  it('inline: a refused command leaves the read model untouched', async () => {
    const { store, engine } = await seeded();
    await engine.handle(add('d', '1', 'plum', 500));
    expect(await store.readDocument(orderSummary.storageName, 'order-1')).toEqual({
      items: 2,
      total: 12,
      status: 'open',
    });
  });

  it('async: catches up in batches, checkpointed at the last folded position', async () => {
    const { store, engine } = await seeded();
    const model = await engine.project(salesBySku);
    expect(model.checkpoint).toBe(3);
    expect(await model.all()).toEqual([
      { key: 'apple', value: { count: 2 } },
      { key: 'pear', value: { count: 1 } },
    ]);
    expect(await store.readCheckpoint('sales-by-sku@v1')).toBe(3);
  });

  it('async: idempotent on redelivery (a stale writer commits nothing twice)', async () => {
    const { store, engine } = await seeded();
    await engine.project(salesBySku);
    // A second catch-up and a racing one from the same checkpoint change nothing.
    await Promise.all([
      catchUpProjection(store, store, salesBySku, 1),
      catchUpProjection(store, store, salesBySku, 1),
    ]);
    expect((await engine.project(salesBySku)).checkpoint).toBe(3);
    expect(await (await engine.project(salesBySku)).get('apple')).toEqual({ count: 2 });
  });

  it('async: two catch-ups racing from the same checkpoint count every event once', async () => {
    const { store } = await seeded();
    await Promise.all([
      catchUpProjection(store, store, salesBySku, 1),
      catchUpProjection(store, store, salesBySku, 2),
    ]);
    expect(await store.readDocument(salesBySku.storageName, 'apple')).toEqual({ count: 2 });
  });

  it('async: rebuildable from position 0 with the same result', async () => {
    const { engine } = await seeded();
    const first = await (await engine.project(salesBySku)).all();
    const rebuilt = await engine.rebuild(salesBySku);
    expect(await rebuilt.all()).toEqual(first);
    expect(rebuilt.checkpoint).toBe(3);
  });
});
