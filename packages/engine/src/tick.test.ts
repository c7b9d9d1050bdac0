import { createMemoryEventStore, StoredEventCodec } from '@strive/eventlog';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { order } from './fixtures/orderWorkflow.js';
import { foldEvents } from './foldEvents.js';

const at = '2026-03-01T10:00:00Z';

const placedOrder = async () => {
  const store = createMemoryEventStore();
  const engine = createEngine({ store, commands: orderCommands });
  await engine.handle({ type: 'AddItem', id: 'a1', at, orderId: '1', sku: 's', price: 10 });
  await engine.handle({ type: 'PlaceOrder', id: 'p1', at, orderId: '1', customerId: 'c' });
  return { store, engine };
};

describe('timers', () => {
  it('fire only when due, dispatch the scheduled command and record TimerFired', async () => {
    const { store, engine } = await placedOrder();
    expect((await engine.tick('2026-03-02T09:59:59Z')).fired).toEqual([]);
    const { fired } = await engine.tick(new Date('2026-03-02T10:00:00Z'));
    expect(fired.map((f) => [f.timerId, f.outcome._tag])).toEqual([['unpaid-1', 'Accepted']]);
    expect((await engine.load(order, 'order-1')).value).toBe('cancelled');
    const types: string[] = [];
    for await (const e of store.readStream('order-1')) types.push(e.type);
    expect(types).toEqual([
      'ItemAdded',
      'OrderPlaced',
      'TimerScheduled',
      'OrderCancelled',
      'TimerFired',
    ]);
  });

  it('are idempotent: a second tick fires nothing, and the fired command carries the due time', async () => {
    const { store, engine } = await placedOrder();
    await engine.tick('2026-03-05T00:00:00+09:00');
    expect((await engine.tick('2026-03-06T00:00:00Z')).fired).toEqual([]);
    const events = [];
    for await (const e of store.readStream('order-1')) events.push(e);
    expect(events.find((e) => e.type === 'OrderCancelled')?.metadata.at).toBe(
      '2026-03-02T10:00:00.000Z',
    );
  });

  it('act as the system actor unless the schedule names one, and record it on TimerFired', async () => {
    const { store, engine } = await placedOrder();
    await engine.tick('2026-03-05T00:00:00Z');
    const actors: Record<string, unknown> = {};
    for await (const e of store.readStream('order-1')) actors[e.type] = e.metadata.actor;
    const system = { id: 'strive.timer', role: 'system' };
    expect([actors['OrderCancelled'], actors['TimerFired']]).toEqual([system, system]);
  });

  it('record a refused command as fired, which replay folds to the state the refusal left', async () => {
    const { store, engine } = await placedOrder();
    await engine.handle({ type: 'PayOrder', id: 'pay', at, orderId: '1', amount: 10 });
    const before = await engine.load(order, 'order-1');
    const { fired } = await engine.tick('2026-03-03T00:00:00Z');
    expect(fired[0]?.outcome).toMatchObject({
      _tag: 'Rejected',
      failures: [{ ruleId: 'order.unpaid' }],
    });
    const events = [];
    for await (const e of store.readStream('order-1')) events.push(e);
    expect(events.at(-1)?.data).toMatchObject({ timerId: 'unpaid-1', outcome: 'Rejected' });
    // Replayed from a copy of the log (as another process would read it), the refused timer changes
    // nothing but the version; the engine loads that same state.
    const copy = t.array(StoredEventCodec).decode(JSON.parse(JSON.stringify(events)));
    if (copy._tag === 'Left') throw new Error('the stored events do not decode');
    const replayed = foldEvents(order, copy.right);
    expect(replayed).toEqual({
      ...before,
      version: before.version + 1,
      lastAt: events.at(-1)?.metadata.at,
    });
    expect(replayed.value).toBe('paid');
    expect(await engine.load(order, 'order-1')).toEqual(replayed);
  });

  it('refuse a malformed now', async () => {
    const { engine } = await placedOrder();
    await expect(engine.tick('tomorrow')).rejects.toThrow(/ISO-8601/);
  });
});
