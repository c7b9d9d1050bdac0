import { expect, it } from 'vitest';
import type { ContractContext } from './contractKit.js';

/** Registers the snapshot tests. */
export const snapshotContract = (ctx: ContractContext): void => {
  it('saves, loads and replaces snapshots per (stream, key)', async () => {
    const store = ctx.store();
    expect(await store.loadSnapshot('s', 'k1')).toBeUndefined();
    const state = { count: 2, names: ['创先争优', '😀'] };
    await store.saveSnapshot({ streamId: 's', key: 'k1', streamPosition: 2, state });
    await store.saveSnapshot({ streamId: 's', key: 'k2', streamPosition: 1, state: 'other' });
    state.count = 99;
    expect(await store.loadSnapshot('s', 'k1')).toEqual({
      streamId: 's',
      key: 'k1',
      streamPosition: 2,
      state: { count: 2, names: ['创先争优', '😀'] },
    });
    await store.saveSnapshot({ streamId: 's', key: 'k1', streamPosition: 5, state: { count: 5 } });
    expect(await store.loadSnapshot('s', 'k1')).toMatchObject({
      streamPosition: 5,
      state: { count: 5 },
    });
    expect(await store.loadSnapshot('s', 'k2')).toMatchObject({
      streamPosition: 1,
      state: 'other',
    });
    expect(await store.loadSnapshot('t', 'k1')).toBeUndefined();
  });
};
