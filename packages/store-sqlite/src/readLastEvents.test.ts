import { describe, expect, it } from 'vitest';
import { appendToStream, canReadLastEvents } from '@strive/eventlog';
import { memoryStores } from './testSupport/memoryStores.js';
import { collect, commitment } from './testSupport/fixtures.js';

const open = memoryStores();

describe('readLastEvents', () => {
  it('answers each stream’s last event as a backward read does, and nothing for an empty stream', async () => {
    const store = open();
    expect(canReadLastEvents(store)).toBe(true);
    await appendToStream(store, 'a', [commitment(1), commitment(2), commitment(3)], {
      expectedVersion: 'no-stream',
    });
    await appendToStream(store, 'b', [commitment(4)], { expectedVersion: 'no-stream' });
    await appendToStream(store, 'a', [commitment(5)], { expectedVersion: 3 });
    const last = await store.readLastEvents(['b', 'none', 'a', 'b']);
    expect([...last.keys()].sort()).toEqual(['a', 'b']);
    for (const id of ['a', 'b']) {
      const [first] = await collect(store.readStream(id, { direction: 'backward', batchSize: 1 }));
      expect(last.get(id)).toEqual(first);
    }
    expect(last.get('a')?.streamPosition).toBe(4);
    expect(await store.readLastEvents([])).toEqual(new Map());
  });

  it('answers more streams than one query takes', async () => {
    const store = open();
    const ids = Array.from({ length: 2_500 }, (_, i) => `s-${i}`);
    for (const [i, id] of ids.entries())
      await appendToStream(
        store,
        id,
        i % 3 === 0 ? [commitment(i), commitment(i + 1)] : [commitment(i)],
        {
          expectedVersion: 'no-stream',
        },
      );
    const last = await store.readLastEvents(ids);
    expect(last.size).toBe(2_500);
    expect(
      ids.map((id, i) => last.get(id)?.streamPosition === (i % 3 === 0 ? 2 : 1)),
    ).not.toContain(false);
  });
});
