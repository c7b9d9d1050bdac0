import {
  createMemoryEventStore,
  isSealed,
  sealSnapshot,
  type EventStore,
  type JsonObject,
  type JsonValue,
  type Snapshot,
} from '@strive/eventlog';
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
    const state = await loadState(counted, counted, order, 'order-1', 10);
    expect(state).toMatchObject({ version: 0, value: 'open.draft' });
    expect(calls).toEqual([]);
  });

  it('folds a stream shorter than snapshotEvery without looking for a snapshot', async () => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: orderCommands, snapshotEvery: 4 });
    for (let i = 0; i < 6; i++) await engine.handle(addItem(i));
    const { counted, calls } = counting(store);
    expect(await loadState(counted, counted, order, 'order-1', 10)).toEqual(
      await loadState(store, store, order, 'order-1', 0),
    );
    expect(calls).toEqual(['readStream']);
    // With snapshots every 4, the one saved at 4 is read, then the tail after it.
    calls.length = 0;
    const fromSnapshot = await loadState(counted, counted, order, 'order-1', 4);
    // One read checks the event the snapshot is bound to, the next reads the tail.
    expect(calls).toEqual(['loadSnapshot', 'readStream', 'readStream']);
    expect(fromSnapshot).toEqual(await loadState(store, store, order, 'order-1', 0));
  });

  const poisoned = async (edit: (s: Snapshot) => Snapshot) => {
    const store = createMemoryEventStore();
    const engine = createEngine({ store, commands: orderCommands, snapshotEvery: 4 });
    for (let i = 0; i < 6; i++) await engine.handle(addItem(i));
    const saved = await store.loadSnapshot('order-1', order.snapshotKey);
    if (saved === undefined) throw new Error('the engine saved no snapshot at 4');
    expect(saved.streamPosition).toBe(4);
    const forged = edit(saved);
    await store.saveSnapshot(forged);
    const { counted, calls } = counting(store);
    const loaded = await loadState(counted, counted, order, 'order-1', 4);
    return { loaded, calls, truth: await loadState(store, store, order, 'order-1', 0), store };
  };
  const isObject = (u: JsonValue | undefined): u is JsonObject =>
    typeof u === 'object' && u !== null && !Array.isArray(u);
  /** The attack of issue 21: the snapshot's context edited in place (4 items become 99). */
  const more = (s: Snapshot): JsonValue => {
    const state = s.state;
    if (!isObject(state) || !isObject(state['context'])) throw new Error('not a workflow state');
    return { ...state, context: { ...state['context'], items: 99 } };
  };

  it('ignores and rebuilds a snapshot whose state was edited (its digest no longer matches)', async () => {
    const { loaded, calls, truth, store } = await poisoned((s) => ({ ...s, state: more(s) }));
    expect(loaded).toEqual(truth);
    expect(loaded.context.items).toBe(6);
    expect(calls).toEqual(['loadSnapshot', 'readStream']);
    // The rebuilt snapshot replaced the edited one.
    const again = await store.loadSnapshot('order-1', order.snapshotKey);
    expect(again !== undefined && isSealed(again) && again.streamPosition).toBe(6);
  });

  it('ignores a resealed snapshot bound to another event hash', async () => {
    const { loaded, truth } = await poisoned((s) =>
      sealSnapshot({ ...s, state: more(s), eventHash: 'f'.repeat(64) }),
    );
    expect(loaded).toEqual(truth);
  });

  it('trusts a snapshot resealed with the right event hash: only verify re-derives it', async () => {
    const { loaded, truth } = await poisoned((s) => sealSnapshot({ ...s, state: more(s) }));
    expect(truth.context.items).toBe(6);
    // 99 items at the snapshot, then the two events of the tail.
    expect(loaded.context.items).toBe(101);
  });
});
