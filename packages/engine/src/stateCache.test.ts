import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customer, order } from './fixtures/orderWorkflow.js';
import { initialState } from './foldEvents.js';
import { createStateCache } from './stateCache.js';

const state = (version: number) => ({ ...initialState(order), version });

describe('createStateCache', () => {
  it('evicts the least recently used stream; a hit makes a stream recent', () => {
    const cache = createStateCache(2);
    cache.set(order, 'a', state(1));
    cache.set(order, 'b', state(2));
    expect(cache.get(order, 'a')?.version).toBe(1);
    cache.set(order, 'c', state(3));
    expect(cache.get(order, 'b')).toBeUndefined();
    expect(cache.get(order, 'a')?.version).toBe(1);
    expect(cache.get(order, 'c')?.version).toBe(3);
  });

  it('replaces, deletes, refuses another workflow, and holds nothing at capacity 0', () => {
    const cache = createStateCache(2);
    cache.set(order, 'a', state(1));
    cache.set(order, 'a', state(5));
    expect(cache.get(order, 'a')?.version).toBe(5);
    expect(cache.get(customer, 'a')).toBeUndefined();
    cache.delete('a');
    expect(cache.get(order, 'a')).toBeUndefined();
    const none = createStateCache(0);
    none.set(order, 'a', state(1));
    expect(none.get(order, 'a')).toBeUndefined();
  });

  it('behaves as a reference LRU over any sequence of operations', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('get' as const), id: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ k: fc.constant('set' as const), id: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ k: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 6 }) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(op, { maxLength: 60 }),
        (capacity, ops) => {
          const cache = createStateCache(capacity);
          const ref = new Map<string, number>();
          ops.forEach(({ k, id }, i) => {
            const key = String(id);
            if (k === 'get') {
              const want = ref.get(key);
              if (want !== undefined) {
                ref.delete(key);
                ref.set(key, want);
              }
              expect(cache.get(order, key)?.version).toBe(want);
            } else if (k === 'set') {
              ref.delete(key);
              ref.set(key, i);
              if (ref.size > capacity) ref.delete(ref.keys().next().value ?? '');
              cache.set(order, key, state(i));
            } else {
              ref.delete(key);
              cache.delete(key);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
