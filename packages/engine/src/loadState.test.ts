import { createMemoryEventStore, type EventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { createEngine } from './createEngine.js';
import { addItem } from './fixtures/addItem.js';
import { orderCommands } from './fixtures/orderCommands.js';
import { order } from './fixtures/orderWorkflow.js';
import { loadState } from './loadState.js';

const counting = (store: EventStore) => {
  const calls: string[] = [];
  const counted: EventStore = {
    ...store,
    loadSnapshot: (streamId, key) => {
      calls.push('loadSnapshot');
      return store.loadSnapshot(streamId, key);
    },
    readStream: (streamId, options) => {
      calls.push('readStream');
      return store.readStream(streamId, options);
    },
  };
  return { counted, calls };
};

describe('loadState', () => {
  it('reads nothing but the version of an empty stream', async () => {
    const { counted, calls } = counting(createMemoryEventStore());
    const state = await loadState(counted, order, 'order-1', 10);
    expect(state).toMatchObject({ version: 0, value: 'open.draft' });
    expect(calls).toEqual([]);
  });

  it('folds a stream shorter than snapshotEvery without looking for a snapshot', async () => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: orderCommands, snapshotEvery: 4 });
    for (let i = 0; i < 6; i++) await engine.handle(addItem(i));
    const { counted, calls } = counting(store);
    expect(await loadState(counted, order, 'order-1', 10)).toEqual(
      await loadState(store, order, 'order-1', 0),
    );
    expect(calls).toEqual(['readStream']);
    // With snapshots every 4, the one saved at 4 is read, then the tail after it.
    calls.length = 0;
    const fromSnapshot = await loadState(counted, order, 'order-1', 4);
    expect(calls).toEqual(['loadSnapshot', 'readStream']);
    expect(fromSnapshot).toEqual(await loadState(store, order, 'order-1', 0));
  });
});
