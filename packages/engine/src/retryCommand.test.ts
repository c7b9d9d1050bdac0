import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
  type StreamLocking,
} from '@strive/eventlog';
import { concurrencyConflict, streamLockTimeout } from '@strive/eventlog/adapter';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { isConflict } from './CommandOutcome.js';
import { createEngine } from './createEngine.js';
import type { EngineOptions } from './Engine.js';
import { busyStore as busy } from './fixtures/busyStore.js';
import { orderCommands } from './fixtures/orderCommands.js';

const at = '2026-03-01T10:00:00Z';
const add = (id: string, price = 10) => ({
  type: 'AddItem',
  id,
  at,
  orderId: '1',
  sku: 'apple',
  price,
});
const cancel = (id: string) => ({
  type: 'ForceEvent',
  id,
  at,
  orderId: '1',
  event: 'OrderCancelled',
});

/** An engine with a fake clock that only `sleep` moves, and the pauses it took. */
const engineOver = (store: EventStore, retry: EngineOptions['retry'] = {}) => {
  let clock = 0;
  const delays: number[] = [];
  const engine = createEngine({
    store,
    commands: orderCommands,
    retry,
    random: () => 0.5,
    now: () => clock,
    sleep: (ms) => {
      delays.push(ms);
      clock += ms;
      return Promise.resolve();
    },
  });
  return { engine, delays };
};

describe('the command id is looked up again before a refusal or a conflict is answered', () => {
  it('answers a duplicate, not a rejection, when a racing copy stored the command before the retry read the stream', async () => {
    const store = createMemoryEventStore();
    const other = engineOver(store).engine;
    let armed = false;
    let raced = false;
    const racing: EventStore = {
      ...store,
      // The retry's read of the stream comes just after the other process stored the same command.
      readStream: (streamId, options) => {
        if (armed && !raced) {
          raced = true;
          return (async function* () {
            expect(await other.handle(cancel('cancel'))).toMatchObject({ duplicate: false });
            yield* store.readStream(streamId, options);
          })();
        }
        return store.readStream(streamId, options);
      },
    };
    const { engine } = engineOver(racing);
    await engine.handle(add('a1')); // cached at version 1
    await other.handle(add('a2')); // the cache is now stale: the first try loses, the retry reads
    armed = true;
    // Decided on the read state, a second OrderCancelled is an illegal transition: a rejection.
    expect(await engine.handle(cancel('cancel'))).toEqual({
      _tag: 'Accepted',
      commandId: 'cancel',
      type: 'ForceEvent',
      events: [],
      duplicate: true,
    });
    expect(raced).toBe(true);
    expect((await store.head()).globalPosition).toBe(3);
  });

  it('answers a duplicate, not a conflict, when the budget ends after a racing copy stored the command', async () => {
    const store = createMemoryEventStore();
    const other = engineOver(store).engine;
    let appends = 0;
    const racing: EventStore = {
      ...store,
      // Every append loses; during the first, the other process stores the same command.
      appendMany: async () => {
        if (appends++ === 0) await other.handle(add('same'));
        return E.left(concurrencyConflict('order-1', 0, 99));
      },
      // Until the end the lookup misses (as if the other copy had not committed yet).
      readEvent: async (id) => (appends < 3 ? undefined : store.readEvent(id)),
    };
    const { engine } = engineOver(racing, { maxAttempts: 3 });
    expect(await engine.handle(add('same'))).toMatchObject({ _tag: 'Accepted', duplicate: true });
    expect(appends).toBe(3);
  });
});

describe('the retry budget', () => {
  it('retries until the time budget is spent, pausing by decorrelated jitter, then answers a retryable Conflict', async () => {
    const store = createMemoryEventStore();
    const { engine, delays } = engineOver(busy(store), {
      budgetMs: 300,
      baseDelayMs: 5,
      maxDelayMs: 100,
    });
    const outcome = await engine.handle(add('c1'));
    expect(isConflict(outcome) && [outcome.reason, outcome.retryable]).toEqual([
      'ConcurrencyConflict',
      true,
    ]);
    // 5 + 0.5 * (3 * previous - 5), at most 100; no pause would end past the budget.
    expect(delays).toEqual([10, 17.5, 28.75, 45.625, 70.9375, 100]);
    expect(delays.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(300);
    expect(isConflict(outcome) && outcome.attempts).toBe(7);
  });
});

/** `base.appendMany` where another writer appends to order 1 just before the first call only. */
const losesOnce = (base: EventStore): EventStore['appendMany'] => {
  let raced = false;
  return async (requests, options) => {
    if (!raced) {
      raced = true;
      const other = [{ type: 'ItemAdded', data: { sku: 'x', price: 0 }, metadata: { at } }];
      await appendToStream(base, 'order-1', other, { expectedVersion: 'any' });
    }
    return base.appendMany(requests, options);
  };
};

describe('streams that lost a race are held', () => {
  /** A memory store with a recording `withStreamLock`; `grant` false makes every lock time out. */
  const lockingStore = (grant: boolean) => {
    const base = busy(createMemoryEventStore());
    const held: string[][] = [];
    const readAheads: unknown[] = [];
    const withStreamLock: StreamLocking['withStreamLock'] = async (ids, timeoutMs, fn, ahead) => {
      held.push([...ids]);
      readAheads.push(ahead);
      return grant ? E.right(await fn()) : E.left(streamLockTimeout(ids, timeoutMs));
    };
    const store: EventStore & StreamLocking = { ...base, withStreamLock };
    return { store, held, readAheads };
  };

  it('decides again under the lock of the stream that lost, without pausing', async () => {
    const { store, held } = lockingStore(true);
    const { engine, delays } = engineOver(store, { maxAttempts: 3 });
    expect(await engine.handle(add('c1'))).toMatchObject({ _tag: 'Conflict', attempts: 3 });
    expect(held).toEqual([['order-1']]);
    expect(delays).toEqual([]);
  });

  it('names the tails of the cached streams, for the store to read with the lock', async () => {
    const { store, readAheads } = lockingStore(true);
    const { engine } = engineOver(store, { maxAttempts: 2 });
    await engine.handle(add('c1'));
    // The first try read order-1 empty (cached at version 0), then lost to the other writer's event:
    // the attempt under the lock reads from position 1.
    expect(readAheads).toEqual([[{ streamId: 'order-1', from: 1 }]]);
  });

  it('answers a retryable Conflict naming the lock when the lock is not granted within the budget', async () => {
    const { store, held } = lockingStore(false);
    const { engine } = engineOver(store, { budgetMs: 250 });
    const outcome = await engine.handle(add('c1'));
    expect(outcome).toMatchObject({
      _tag: 'Conflict',
      reason: 'ConcurrencyConflict',
      retryable: true,
      message: 'waited 250 ms for the lock of order-1',
    });
    expect(held).toHaveLength(1);
  });

  it('writes a snapshot the locked attempt made due once the lock is let go, not while holding it', async () => {
    const base = createMemoryEventStore();
    const log: string[] = [];
    const store: EventStore & StreamLocking = {
      ...base,
      // Another writer appends just before the engine's first append only: one lost race.
      appendMany: losesOnce(base),
      saveSnapshot: (snapshot) => (
        log.push(`snapshot ${snapshot.streamPosition}`),
        base.saveSnapshot(snapshot)
      ),
      withStreamLock: async (ids, _timeoutMs, fn) => {
        log.push('lock+');
        const value = await fn();
        log.push('lock-');
        return E.right(value);
      },
    };
    const engine = createEngine({ store, commands: orderCommands, snapshotEvery: 1 });
    expect(await engine.handle(add('c1'))).toMatchObject({ _tag: 'Accepted' });
    expect(log).toEqual(['lock+', 'lock-', 'snapshot 2']);
  });

  it('decides a refusal made under a lock once more on states read again (a kept lock may have answered the tails unread)', async () => {
    const base = createMemoryEventStore();
    let inLock = false;
    const assumed = new Set<string>();
    const store: EventStore & StreamLocking = {
      ...base,
      // The first append loses one race, so order-1 is hot and later commands take the lock.
      appendMany: losesOnce(base),
      // Under the lock, the first read of a stream is answered "nothing new" (as a kept lock does).
      readStream: (streamId, options) => {
        if (!inLock || assumed.has(streamId)) return base.readStream(streamId, options);
        assumed.add(streamId);
        return (async function* () {})();
      },
      withStreamLock: async (_ids, _timeoutMs, fn) => {
        inLock = true;
        assumed.clear();
        try {
          return E.right(await fn());
        } finally {
          inLock = false;
        }
      },
    };
    const engine = createEngine({ store, commands: orderCommands });
    expect(await engine.handle(add('c1'))).toMatchObject({ _tag: 'Accepted' });
    // Another process places the order; this one's cache still says draft.
    await appendToStream(base, 'order-1', [{ type: 'OrderPlaced', data: {}, metadata: { at } }], {
      expectedVersion: 'any',
    });
    const pay = { type: 'PayOrder', id: 'p1', at, orderId: '1', amount: 5 };
    expect(await engine.handle(pay)).toMatchObject({ _tag: 'Accepted' });
  });

  it("never locks with streamLock 'never': it pauses instead", async () => {
    const { store, held } = lockingStore(true);
    const { engine, delays } = engineOver(store, { maxAttempts: 3, streamLock: 'never' });
    await engine.handle(add('c1'));
    expect(held).toEqual([]);
    expect(delays).toHaveLength(2);
  });
});
