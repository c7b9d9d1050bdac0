import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
  type StreamLocking,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { addItem } from './fixtures/addItem.js';
import { orderCommands } from './fixtures/orderCommands.js';

// The paths handleCommand takes after its first try (from the cache or read), told apart by what
// they cost: stream reads, appends made with or without the stream's lock, and the locks taken.
const at = '2026-03-01T10:00:00Z';

/**
 * A memory store with a `withStreamLock` that records the streams it locks and each append as
 * made under the lock or not, counting stream reads; after `race()`, another writer appends to
 * order 1 once, just before the next append.
 */
const recordingStore = () => {
  const base = createMemoryEventStore();
  const appends: Array<'locked' | 'unlocked'> = [];
  const locks: string[][] = [];
  let reads = 0;
  let locked = false;
  let racing = false;
  const store: EventStore & StreamLocking = {
    ...base,
    readStream: (streamId, options) => {
      reads++;
      return base.readStream(streamId, options);
    },
    appendMany: async (requests, options) => {
      if (racing) {
        racing = false;
        const other = { type: 'ItemAdded', data: { sku: 'other', price: 1 }, metadata: { at } };
        await appendToStream(base, 'order-1', [other], { expectedVersion: 'any' });
      }
      appends.push(locked ? 'locked' : 'unlocked');
      return base.appendMany(requests, options);
    },
    withStreamLock: async (ids, _timeoutMs, fn) => {
      locks.push([...ids]);
      locked = true;
      try {
        return E.right(await fn());
      } finally {
        locked = false;
      }
    },
  };
  const race = (): void => {
    racing = true;
  };
  /** What happened since the last call. */
  const since = () => {
    const seen = { appends: [...appends], locks: [...locks], reads };
    appends.length = 0;
    locks.length = 0;
    reads = 0;
    return seen;
  };
  return { store, race, since };
};

describe('handleCommand after its first try', () => {
  it('answers a refusal decided on states it read after one read and one id lookup', async () => {
    const { store, since } = recordingStore();
    await createEngine({ store, commands: orderCommands }).handle(addItem(1));
    const engine = createEngine({ store, commands: orderCommands }); // nothing cached
    since();
    expect(await engine.handle({ ...addItem(2), price: 0 })).toMatchObject({ _tag: 'Rejected' });
    expect(since()).toEqual({ appends: [], locks: [], reads: 1 });
  });

  it('decides a refusal made on a cached state again on the state it reads, without a lock', async () => {
    const { store, since } = recordingStore();
    const engine = createEngine({ store, commands: orderCommands });
    await engine.handle(addItem(1));
    since();
    expect(await engine.handle({ ...addItem(2), price: 0 })).toMatchObject({ _tag: 'Rejected' });
    expect(since()).toEqual({ appends: [], locks: [], reads: 1 });
  });

  it('decides again under the lock of the one stream whose cached state lost a race', async () => {
    const { store, race, since } = recordingStore();
    const engine = createEngine({ store, commands: orderCommands });
    await engine.handle(addItem(1));
    since();
    race();
    expect(await engine.handle(addItem(2))).toMatchObject({ _tag: 'Accepted' });
    expect(since()).toEqual({ appends: ['unlocked', 'locked'], locks: [['order-1']], reads: 1 });
  });
});

describe('a stream that lately lost a race (hot)', () => {
  it('is written under its lock from the first try, until its window of two seconds ends', async () => {
    const { store, race, since } = recordingStore();
    let clock = 0;
    const engine = createEngine({ store, commands: orderCommands, now: () => clock });
    race();
    expect(await engine.handle(addItem(1))).toMatchObject({ _tag: 'Accepted' });
    expect(since()).toMatchObject({ appends: ['unlocked', 'locked'] }); // lost, then locked
    clock = 1_999;
    expect(await engine.handle(addItem(2))).toMatchObject({ _tag: 'Accepted' });
    expect(since()).toMatchObject({ appends: ['locked'], locks: [['order-1']] }); // no unlocked try
    clock = 3_000;
    expect(await engine.handle(addItem(3))).toMatchObject({ _tag: 'Accepted' });
    expect(since()).toMatchObject({ appends: ['unlocked'], locks: [] }); // cooled down
    expect((await store.head()).globalPosition).toBe(4); // the other writer's item and three
  });
});
