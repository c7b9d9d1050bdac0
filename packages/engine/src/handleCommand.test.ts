import { createMemoryEventStore, type EventStore } from '@strive/eventlog';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventFromLogic } from 'xstate';
import { isAccepted, isConflict, isRejected } from './CommandOutcome.js';
import { createEngine } from './createEngine.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { customer, order, orderMachine, type OrderContext } from './fixtures/orderWorkflow.js';
import { busyStore } from './fixtures/busyStore.js';
import type { WorkflowState } from './Workflow.js';

const at = '2026-03-01T10:00:00Z';
const add = (id: string, orderId = '1', price = 10) => ({
  type: 'AddItem',
  id,
  at,
  orderId,
  sku: 'apple',
  price,
});
const place = (id: string, orderId = '1', customerId = 'c') => ({
  type: 'PlaceOrder',
  id,
  at,
  orderId,
  customerId,
});
const force = (id: string, event: string, orderId = '1') => ({
  type: 'ForceEvent',
  id,
  at,
  orderId,
  event,
});

const engineOver = (store: EventStore, maxAttempts = 5) => {
  const delays: number[] = [];
  const engine = createEngine({
    store,
    commands: orderCommands,
    retry: { maxAttempts, baseDelayMs: 10 },
    random: () => 0.5,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
  });
  return { engine, delays };
};

describe('idempotency by command id', () => {
  it('returns an Accepted duplicate for a repeated id and appends nothing', async () => {
    const store = createMemoryEventStore();
    const { engine } = engineOver(store);
    await engine.handle(add('c1'));
    expect(await engine.handle(add('c1'))).toEqual({
      _tag: 'Accepted',
      commandId: 'c1',
      type: 'AddItem',
      events: [],
      duplicate: true,
    });
    expect((await store.head()).globalPosition).toBe(1);
  });

  it('answers IdempotencyConflict for a repeated id with another payload', async () => {
    const store = createMemoryEventStore();
    const { engine } = engineOver(store);
    await engine.handle(add('c1'));
    const outcome = await engine.handle(add('c1', '1', 11));
    expect(isConflict(outcome) && [outcome.reason, outcome.retryable]).toEqual([
      'IdempotencyConflict',
      false,
    ]);
    expect((await store.head()).globalPosition).toBe(1);
  });

  it('resolves two engines racing with the same command through the store', async () => {
    const store = createMemoryEventStore();
    const a = engineOver(store).engine;
    const b = engineOver(store).engine;
    const [x, y] = await Promise.all([a.handle(add('same')), b.handle(add('same'))]);
    expect([x, y].filter((o) => isAccepted(o) && !o.duplicate)).toHaveLength(1);
    expect([x, y].filter((o) => isAccepted(o) && o.duplicate)).toHaveLength(1);
    expect((await store.head()).globalPosition).toBe(1);
  });
});

describe('optimistic concurrency', () => {
  it('reloads and decides again when another writer moved the stream', async () => {
    const store = createMemoryEventStore();
    const delays: number[] = [];
    const other = engineOver(store).engine;
    let interfered = false;
    const racing: EventStore = {
      ...store,
      appendMany: async (requests, options) => {
        if (!interfered) {
          interfered = true;
          await other.handle(add('other', '1', 95));
        }
        return store.appendMany(requests, options);
      },
    };
    const engine = createEngine({
      store: racing,
      commands: orderCommands,
      retry: { baseDelayMs: 5 },
      random: () => 0.5,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    });
    const outcome = await engine.handle(add('mine', '1', 10));
    // The retry decided again on the new state: 95 + 10 is above the limit.
    expect(isRejected(outcome) && outcome.failures.map((f) => f.ruleId)).toEqual(['order.limit']);
    // Decorrelated jitter: halfway between the base (5) and three times the previous pause (15).
    expect(delays).toEqual([10]);
  });

  it('gives up with a retryable Conflict after maxAttempts, with decorrelated jittered delays', async () => {
    const store = createMemoryEventStore();
    const delays: number[] = [];
    const busy = busyStore(store, at);
    const engine = createEngine({
      store: busy,
      commands: orderCommands,
      retry: { maxAttempts: 3, baseDelayMs: 4 },
      random: () => 0.5,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    });
    const outcome = await engine.handle(add('c1'));
    expect(outcome).toMatchObject({
      _tag: 'Conflict',
      reason: 'ConcurrencyConflict',
      attempts: 3,
      retryable: true,
    });
    // 4 + 0.5 * (3 * 4 - 4), then 4 + 0.5 * (3 * 8 - 4).
    expect(delays).toEqual([8, 14]);
  });
});

describe('commands over several streams', () => {
  it('appends to every stream atomically, each with its expected version', async () => {
    const store = createMemoryEventStore();
    const { engine } = engineOver(store);
    await engine.handle(add('a1', '1'));
    const outcome = await engine.handle(place('p1', '1', 'c'));
    expect(isAccepted(outcome) && outcome.events.map((e) => [e.streamId, e.type])).toEqual([
      ['order-1', 'OrderPlaced'],
      ['order-1', 'TimerScheduled'],
      ['customer-c', 'CustomerOrderPlaced'],
    ]);
    expect((await engine.load(customer, 'customer-c')).context).toEqual({ openOrders: 1 });
    expect((await engine.load(order, 'order-1')).value).toBe('open.placed');
  });

  it('appends nothing to any stream when one of them refuses', async () => {
    const store = createMemoryEventStore();
    const { engine } = engineOver(store);
    // order-0 has no items: the machine refuses OrderPlaced, so the customer is not touched either.
    const outcome = await engine.handle(place('p0', '0', 'c'));
    expect(isRejected(outcome) && outcome.failures.map((f) => f.ruleId)).toEqual([
      'machine.transition',
    ]);
    expect((await store.head()).globalPosition).toBe(0);
    expect(await store.streamVersion('customer-c')).toBe(0);
  });
});

describe('the machine as a safety net', () => {
  const types = [
    'ItemAdded',
    'OrderPlaced',
    'PaymentReceived',
    'OrderCancelled',
    'Shipped',
  ] as const;
  /** The event ForceEvent appends for `type` (see fixtures/orderCommands.ts). */
  const forced = (type: string): EventFromLogic<typeof orderMachine> =>
    type === 'ItemAdded'
      ? { type: 'ItemAdded', sku: 'forced', price: 1 }
      : type === 'PaymentReceived'
        ? { type: 'PaymentReceived', amount: 1 }
        : type === 'OrderCancelled'
          ? { type: 'OrderCancelled', reason: 'forced' }
          : type === 'Shipped'
            ? { type: 'Shipped', carrier: 'forced' }
            : { type: 'OrderPlaced' };
  /** XState's own answer, guards included: may the machine take `event` in the loaded state? */
  const machineAllows = (
    state: WorkflowState<OrderContext>,
    event: EventFromLogic<typeof orderMachine>,
  ): boolean => {
    const [parent, child] = state.value.split('.');
    const value = child === undefined ? (parent ?? '') : { [parent ?? '']: child };
    const snapshot = orderMachine.resolveState({ value, context: state.context });
    // Not `snapshot.can`: it says false for a transition with neither target nor actions.
    return (
      snapshot.status === 'active' && orderMachine.getTransitionData(snapshot, event).length > 0
    );
  };
  it('refuses exactly the events the machine (guards included) does not allow, appending nothing', async () => {
    let accepted = 0;
    let refused = 0;
    let refusedByGuard = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...types), { maxLength: 8 }),
        fc.constantFrom(...types),
        async (history, next) => {
          const store = createMemoryEventStore();
          const { engine } = engineOver(store);
          for (const [i, t] of history.entries()) await engine.handle(force(`h${i}`, t));
          const before = await engine.load(order, 'order-1');
          const head = (await store.head()).globalPosition;
          const outcome = await engine.handle(force('next', next));
          const legal = machineAllows(before, forced(next));
          if (legal) {
            expect(isAccepted(outcome) && outcome.events.map((e) => e.type)).toEqual([next]);
            expect((await store.head()).globalPosition).toBe(head + 1);
            accepted += 1;
          } else {
            expect(isRejected(outcome) && outcome.failures.map((f) => f.ruleId)).toEqual([
              'machine.transition',
            ]);
            expect((await store.head()).globalPosition).toBe(head);
            refused += 1;
            if (order.table.on.get(before.value)?.has(next) === true) refusedByGuard += 1;
          }
        },
      ),
      { numRuns: 200 },
    );
    // Both answers, and refusals that only a guard explains, must really have been exercised.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
    expect(refusedByGuard).toBeGreaterThan(0);
  });
});

describe('the state cache', () => {
  it('reads a cached stream again before refusing on its cached state', async () => {
    const store = createMemoryEventStore();
    const a = engineOver(store).engine;
    const b = engineOver(store).engine;
    // a caches order-1 with no items; b adds one behind a's back.
    expect(isRejected(await a.handle(place('p1', '1', 'c')))).toBe(true);
    expect(isAccepted(await b.handle(add('b1', '1')))).toBe(true);
    const outcome = await a.handle(place('p2', '1', 'c'));
    expect(isAccepted(outcome) && outcome.events.map((e) => e.type)).toEqual([
      'OrderPlaced',
      'TimerScheduled',
      'CustomerOrderPlaced',
    ]);
  });

  it('accepts a command on a cached state with no read at all (no tail, no command id lookup)', async () => {
    const store = createMemoryEventStore();
    const reads: string[] = [];
    const counting: EventStore = {
      ...store,
      readStream: (streamId, options) => {
        reads.push(streamId);
        return store.readStream(streamId, options);
      },
      readEvent: (eventId) => {
        reads.push('readEvent');
        return store.readEvent(eventId);
      },
    };
    const { engine } = engineOver(counting);
    // A new stream is not even read (its version says it is empty); then it is cached.
    expect(isAccepted(await engine.handle(add('c1', '1')))).toBe(true);
    expect(isAccepted(await engine.handle(add('c2', '1')))).toBe(true);
    expect(isAccepted(await engine.handle(add('c3', '1')))).toBe(true);
    expect(reads).toEqual([]);
    expect((await engine.load(order, 'order-1')).context).toMatchObject({ items: 3, total: 30 });
  });
});
