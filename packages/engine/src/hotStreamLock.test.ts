import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
  type StreamLocking,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { orderCommands } from './fixtures/orderCommands.js';

const at = '2026-03-01T10:00:00Z';
const add = (id: string) => ({ type: 'AddItem', id, at, orderId: '1', sku: 'apple', price: 1 });

/**
 * A memory store with a `withStreamLock` that records each append as made under the lock or not,
 * and another writer that appends to order 1 once, just before the next append after `race()`.
 */
const recordingStore = () => {
  const base = createMemoryEventStore();
  const appends: Array<'locked' | 'unlocked'> = [];
  let locked = false;
  let racing = false;
  const store: EventStore & StreamLocking = {
    ...base,
    appendMany: async (requests, options) => {
      if (racing) {
        racing = false;
        const other = { type: 'ItemAdded', data: { sku: 'other', price: 1 }, metadata: { at } };
        await appendToStream(base, 'order-1', [other], { expectedVersion: 'any' });
      }
      appends.push(locked ? 'locked' : 'unlocked');
      return base.appendMany(requests, options);
    },
    withStreamLock: async (_ids, _timeoutMs, fn) => {
      locked = true;
      try {
        return E.right(await fn());
      } finally {
        locked = false;
      }
    },
  };
  return {
    store,
    appends,
    race: () => {
      racing = true;
    },
  };
};

describe('a stream that lately lost a race (hot)', () => {
  it('is written under its lock from the first try, until its window of two seconds ends', async () => {
    const { store, appends, race } = recordingStore();
    let clock = 0;
    const engine = createEngine({ store, commands: orderCommands, now: () => clock });
    race();
    expect(await engine.handle(add('a1'))).toMatchObject({ _tag: 'Accepted' });
    expect(appends).toEqual(['unlocked', 'locked']); // lost the race, then held the lock
    clock = 1_999;
    expect(await engine.handle(add('a2'))).toMatchObject({ _tag: 'Accepted' });
    expect(appends.slice(2)).toEqual(['locked']); // hot: no unlocked try first
    clock = 3_000;
    expect(await engine.handle(add('a3'))).toMatchObject({ _tag: 'Accepted' });
    expect(appends.slice(3)).toEqual(['unlocked']); // cooled down: the cached state is tried
    expect((await store.head()).globalPosition).toBe(4); // the other writer's item and three
  });
});
