import { createMemoryEventStore, type EventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { isAccepted, isInvalid, isRejected } from './CommandOutcome.js';
import { createEngine } from './createEngine.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { order } from './fixtures/orderWorkflow.js';

const at = '2026-03-01T10:00:00+01:00';
const add = (id: string, orderId = '1', price = 10, sku = 'apple') => ({
  type: 'AddItem',
  id,
  at,
  orderId,
  sku,
  price,
});

const setup = (store: EventStore = createMemoryEventStore(), extra = {}) => ({
  store,
  engine: createEngine({
    store,
    commands: orderCommands,
    sleep: async () => {},
    random: () => 0.5,
    ...extra,
  }),
});

describe('engine.handle', () => {
  it('accepts a command, appends its events with command id and digest in metadata', async () => {
    const { engine } = setup();
    const outcome = await engine.handle(add('c1'));
    expect(isAccepted(outcome)).toBe(true);
    if (!isAccepted(outcome)) return;
    expect(outcome.duplicate).toBe(false);
    expect(outcome.events.map((e) => [e.streamId, e.type, e.data])).toEqual([
      ['order-1', 'ItemAdded', { sku: 'apple', price: 10 }],
    ]);
    expect(outcome.events[0]?.metadata).toMatchObject({ at, commandId: 'c1' });
    expect(outcome.events[0]?.metadata.commandDigest).toMatch(/^[0-9a-f]{64}$/);
    expect((await engine.load(order, 'order-1')).context).toMatchObject({ items: 1, total: 10 });
  });

  it('reports a malformed command as Invalid with field paths, appending nothing', async () => {
    const { engine, store } = setup();
    expect(await engine.handle({ ...add('c1'), price: 'ten', extra: 1 })).toEqual({
      _tag: 'Invalid',
      errors: [
        { path: 'price', message: 'expected number, got "ten"' },
        { path: 'extra', message: 'unknown field' },
      ],
    });
    const everything = await engine.handle({ ...add('c1'), id: '', at: 'now', price: 'ten', x: 1 });
    expect(isInvalid(everything) && everything.errors.map((e) => e.path)).toEqual([
      'id',
      'at',
      'price',
      'x',
    ]);
    expect(await engine.handle({ ...add('c1'), extra: 1 })).toEqual({
      _tag: 'Invalid',
      errors: [{ path: 'extra', message: 'unknown field' }],
    });
    const unknownType = await engine.handle({ type: 'Nope', id: 'x', at });
    expect(isInvalid(unknownType) && unknownType.errors[0]?.path).toBe('type');
    const badAt = await engine.handle({ ...add('c1'), at: '2026-03-01 10:00' });
    expect(isInvalid(badAt) && badAt.errors[0]?.path).toBe('at');
    expect(isInvalid(await engine.handle([1]))).toBe(true);
    expect((await store.head()).globalPosition).toBe(0);
  });

  it('lists every failing rule of a refused command and appends nothing', async () => {
    const { engine, store } = setup();
    await engine.handle(add('c1', '1', 90));
    const outcome = await engine.handle(add('c2', '1', -20));
    const outcome2 = await engine.handle(add('c3', '1', 20));
    expect(isRejected(outcome) && outcome.failures.map((f) => f.ruleId)).toEqual([
      'item.price-positive',
    ]);
    expect(isRejected(outcome2) && outcome2.failures).toEqual([
      { ruleId: 'order.limit', message: 'total would be 110, above the limit of 100' },
    ]);
    expect((await store.head()).globalPosition).toBe(1);
  });

  it('decides on events another engine appended after this one cached the stream', async () => {
    const store = createMemoryEventStore();
    const a = setup(store).engine;
    const b = setup(store).engine;
    expect(isAccepted(await a.handle(add('c1', '1', 90)))).toBe(true);
    expect(isAccepted(await b.handle(add('c2', '1', 5)))).toBe(true);
    const outcome = await a.handle(add('c3', '1', 10));
    expect(isRejected(outcome) && outcome.failures).toEqual([
      { ruleId: 'order.limit', message: 'total would be 105, above the limit of 100' },
    ]);
    expect((await store.head()).globalPosition).toBe(2);
  });

  it('decides the same with the state cache on and off', async () => {
    const run = async (stateCacheSize: number) => {
      const { engine, store } = setup(createMemoryEventStore(), {
        stateCacheSize,
        snapshotEvery: 3,
      });
      const outcomes = [];
      for (let i = 0; i < 16; i++)
        outcomes.push((await engine.handle(add(`c${i}`, String(i % 2), 15)))._tag);
      return {
        outcomes,
        state: await engine.load(order, 'order-1'),
        head: (await store.head()).globalPosition,
      };
    };
    const cached = await run(1);
    expect(cached).toEqual(await run(0));
    expect(cached.outcomes.filter((o) => o === 'Rejected')).toHaveLength(4);
  });
});
