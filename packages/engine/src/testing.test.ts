import { createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { order } from './fixtures/orderWorkflow.js';
import { commandPaths, eventPaths, given, invalid, rejected } from './testing.js';

const at = '2026-03-01T10:00:00Z';
const opts = { commands: orderCommands };

describe('given / when / then', () => {
  it('asserts the appended events', async () => {
    await given([{ streamId: 'order-1', type: 'ItemAdded', data: { sku: 'a', price: 5 } }], opts)
      .when({ type: 'AddItem', id: 'c', at, orderId: '1', sku: 'b', price: 6 })
      .then([{ streamId: 'order-1', type: 'ItemAdded', data: { sku: 'b', price: 6 } }]);
  });

  it('asserts a refusal by rule ids, over stored old-version events', async () => {
    await given(
      [
        { streamId: 'order-1', type: 'ItemAdded', data: { sku: 'a', price: 5 } },
        { streamId: 'order-1', type: 'OrderPlaced', data: {} },
        { streamId: 'order-1', type: 'PaymentReceived', data: { cents: 500 }, schemaVersion: 1 },
      ],
      opts,
    )
      .when({ type: 'AddItem', id: 'c', at, orderId: '1', sku: 'b', price: 0 })
      .then(rejected('order.draft', 'item.price-positive'));
  });

  it('asserts Invalid by field paths, and fails when the expectation is wrong', async () => {
    await given([], opts)
      .when({ type: 'AddItem', id: 'c', at, orderId: 1, sku: 'b', price: 1 })
      .then(invalid('orderId'));
    await expect(
      given([], opts)
        .when({ type: 'AddItem', id: 'c', at, orderId: '1', sku: 'b', price: 1 })
        .then(rejected('order.limit')),
    ).rejects.toThrow(/expected Rejected/);
  });
});

describe('model-based paths from xstate/graph', () => {
  const events = [
    { type: 'ItemAdded', sku: 'x', price: 60 },
    { type: 'OrderPlaced' },
    { type: 'PaymentReceived', amount: 60 },
    { type: 'OrderCancelled', reason: 'r' },
    { type: 'Shipped', carrier: 'ups' },
  ];

  it('reaches every lifecycle state with the shortest paths, honouring context guards', () => {
    const paths = eventPaths(order, { events });
    expect(new Set(paths.map((p) => p.state.value))).toEqual(
      new Set(['open.draft', 'open.placed', 'paid', 'shipped', 'cancelled']),
    );
    const shipped = paths.find((p) => p.state.value === 'shipped');
    expect(shipped?.events.map((e) => e.type)).toEqual([
      'ItemAdded',
      'OrderPlaced',
      'PaymentReceived',
      'Shipped',
    ]);
  });

  it('drives the engine through each path as commands and ends in the same state', async () => {
    const toCommand = (e: { type: string; data: unknown }, step: number, path: number) => ({
      type: 'ForceEvent',
      id: `p${path}-s${step}`,
      at,
      orderId: `${path}`,
      event: e.type,
    });
    const paths = eventPaths(order, {
      events: [
        { type: 'ItemAdded', sku: 'forced', price: 1 },
        { type: 'OrderPlaced' },
        { type: 'PaymentReceived', amount: 1 },
        { type: 'OrderCancelled', reason: 'forced' },
        { type: 'Shipped', carrier: 'forced' },
      ],
      stopWhen: (s) => s.context.items > 1,
    });
    const engine = createEngine({ store: createMemoryEventStore(), commands: orderCommands });
    for (const [i, p] of commandPaths(paths, toCommand).entries()) {
      for (const c of p.commands) expect((await engine.handle(c))._tag).toBe('Accepted');
      expect((await engine.load(order, `order-${i}`)).value).toBe(p.state.value);
    }
  });
});
