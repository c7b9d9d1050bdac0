import { createMemoryEventStore, type StoredEvent } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { defineWorkflow } from './defineWorkflow.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { orderEvents, order, type OrderContext } from './fixtures/orderWorkflow.js';
import { RecordedHistory, recordHistory, verifyReplay } from './verifyReplay.js';

const at = '2026-03-01T10:00:00Z';

const history = async (): Promise<StoredEvent[]> => {
  const store = createMemoryEventStore();
  const engine = createEngine({ store, commands: orderCommands });
  await engine.handle({ type: 'AddItem', id: 'a', at, orderId: '1', sku: 's', price: 10 });
  await engine.handle({ type: 'AddItem', id: 'b', at, orderId: '1', sku: 't', price: 20 });
  await engine.handle({ type: 'PlaceOrder', id: 'p', at, orderId: '1', customerId: 'c' });
  const events: StoredEvent[] = [];
  for await (const e of store.readStream('order-1')) events.push(e);
  return events;
};

describe('replay verification', () => {
  it('matches when the current code reproduces the recorded states (through a JSON file)', async () => {
    const recorded = recordHistory(order, await history());
    const file = JSON.parse(JSON.stringify(recorded)) as unknown;
    const decoded = RecordedHistory.decode(file);
    expect(E.isRight(decoded)).toBe(true);
    if (E.isRight(decoded))
      expect(verifyReplay(order, decoded.right)).toEqual({ _tag: 'ReplayMatched', events: 4 });
  });

  it('reports the first event whose state differs when a reducer changed meaning', async () => {
    const recorded = recordHistory(order, await history());
    const changed = defineWorkflow({
      ...order,
      events: orderEvents,
      evolve: {
        ...order.evolve,
        ItemAdded: (c: OrderContext, d) => ({
          ...c,
          items: c.items + 1,
          total: c.total + d.price * 2,
        }),
      },
    });
    const result = verifyReplay(changed, recorded);
    expect(result).toMatchObject({
      _tag: 'ReplayDiverged',
      index: 0,
      streamPosition: 1,
      type: 'ItemAdded',
    });
  });

  it('reports a history the current code cannot read', async () => {
    const recorded = recordHistory(order, await history());
    const { ItemAdded: _dropped, ...events } = order.events;
    const narrower = defineWorkflow({ ...order, events, evolve: {} });
    expect(verifyReplay(narrower, recorded)).toMatchObject({ _tag: 'ReplayFailed', index: 0 });
  });
});
