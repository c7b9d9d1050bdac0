import { expect, it } from 'vitest';
import { GENESIS_HASH } from '../EventEnvelope.js';
import { sealSnapshot } from '../sealSnapshot.js';
import type { ContractContext } from './contractKit.js';

const H2 = 'a'.repeat(64);
const H5 = 'b'.repeat(64);

/** Registers the snapshot tests. */
export const snapshotContract = (ctx: ContractContext): void => {
  it('saves, loads and replaces snapshots per (stream, key), with their event hash and digest', async () => {
    const store = ctx.store();
    expect(await store.loadSnapshot('s', 'k1')).toBeUndefined();
    const state = { count: 2, names: ['创先争优', '😀'] };
    const k1 = sealSnapshot({ streamId: 's', key: 'k1', streamPosition: 2, eventHash: H2, state });
    await store.saveSnapshot(k1);
    await store.saveSnapshot(
      sealSnapshot({
        streamId: 's',
        key: 'k2',
        streamPosition: 0,
        eventHash: GENESIS_HASH,
        state: 'other',
      }),
    );
    state.count = 99;
    expect(await store.loadSnapshot('s', 'k1')).toEqual({
      streamId: 's',
      key: 'k1',
      streamPosition: 2,
      eventHash: H2,
      state: { count: 2, names: ['创先争优', '😀'] },
      digest: k1.digest,
    });
    await store.saveSnapshot(
      sealSnapshot({
        streamId: 's',
        key: 'k1',
        streamPosition: 5,
        eventHash: H5,
        state: { count: 5 },
      }),
    );
    expect(await store.loadSnapshot('s', 'k1')).toMatchObject({
      streamPosition: 5,
      eventHash: H5,
      state: { count: 5 },
    });
    expect(await store.loadSnapshot('s', 'k2')).toMatchObject({
      streamPosition: 0,
      eventHash: GENESIS_HASH,
      state: 'other',
    });
    expect(await store.loadSnapshot('t', 'k1')).toBeUndefined();
  });

  it('refuses a snapshot without a 64-hex event hash or digest', async () => {
    const store = ctx.store();
    const ok = sealSnapshot({
      streamId: 's',
      key: 'k',
      streamPosition: 1,
      eventHash: H2,
      state: 1,
    });
    await expect(store.saveSnapshot({ ...ok, eventHash: 'x' })).rejects.toThrow(/eventHash/);
    await expect(store.saveSnapshot({ ...ok, digest: '' })).rejects.toThrow(/digest/);
    expect(await store.loadSnapshot('s', 'k')).toBeUndefined();
  });
};
