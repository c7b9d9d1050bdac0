import { expect, it } from 'vitest';
import {
  collect,
  fingerprint,
  unwrapLeft,
  unwrapRight,
  type ContractContext,
} from './contractKit.js';

/** Registers the projection document tests: CAS checkpoints, order, updates, deletes, reset. */
export const documentsContract = (ctx: ContractContext): void => {
  it('starts a projection with no documents and checkpoint 0', async () => {
    const store = ctx.store();
    expect(await store.readDocument('p', 'k')).toBeUndefined();
    expect(await collect(store.readDocuments('p'))).toEqual([]);
    expect(await store.readCheckpoint('p')).toBe(0);
  });

  it('commits documents and the checkpoint together, listing documents ordered by key', async () => {
    const store = ctx.store();
    const keys = ['b', '😀', 'a', '\uff01', '创', 'a-1', 'B'];
    const upserts = keys.map((key, i) => ({ key, value: { i, key } }));
    unwrapRight(
      await store.commitProjection({
        projection: 'p',
        expectedCheckpoint: 0,
        checkpoint: 7,
        upserts,
        deletes: [],
      }),
    );
    expect(await store.readCheckpoint('p')).toBe(7);
    expect(await store.readDocument('p', '创')).toEqual({ i: 4, key: '创' });
    const listed = await collect(store.readDocuments('p'));
    // Unicode code point order (UTF-8 byte order), not locale order and not UTF-16 order.
    expect(listed.map((d) => d.key)).toEqual(['B', 'a', 'a-1', 'b', '创', '\uff01', '😀']);
    expect(listed[0]).toEqual({ key: 'B', value: { i: 6, key: 'B' } });
  });

  it('updates and deletes documents in later commits', async () => {
    const store = ctx.store();
    const commit = { projection: 'p', deletes: [] as string[] };
    unwrapRight(
      await store.commitProjection({
        ...commit,
        expectedCheckpoint: 0,
        checkpoint: 2,
        upserts: [
          { key: 'x', value: 1 },
          { key: 'y', value: 2 },
        ],
      }),
    );
    unwrapRight(
      await store.commitProjection({
        ...commit,
        expectedCheckpoint: 2,
        checkpoint: 3,
        upserts: [{ key: 'x', value: 10 }],
        deletes: ['y'],
      }),
    );
    expect(await collect(store.readDocuments('p'))).toEqual([{ key: 'x', value: 10 }]);
    unwrapRight(
      await store.commitProjection({
        ...commit,
        expectedCheckpoint: 3,
        checkpoint: 3,
        upserts: [],
      }),
    );
    expect(await store.readCheckpoint('p')).toBe(3);
  });

  it('refuses a commit from a stale checkpoint with CheckpointConflict and writes nothing', async () => {
    const store = ctx.store();
    unwrapRight(
      await store.commitProjection({
        projection: 'p',
        expectedCheckpoint: 0,
        checkpoint: 4,
        upserts: [{ key: 'x', value: 'kept' }],
        deletes: [],
      }),
    );
    const r = await store.commitProjection({
      projection: 'p',
      expectedCheckpoint: 2,
      checkpoint: 6,
      upserts: [
        { key: 'x', value: 'lost' },
        { key: 'y', value: 'lost' },
      ],
      deletes: [],
    });
    expect(unwrapLeft(r)).toEqual({
      _tag: 'CheckpointConflict',
      projection: 'p',
      expected: 2,
      actual: 4,
    });
    expect(await store.readCheckpoint('p')).toBe(4);
    expect(await collect(store.readDocuments('p'))).toEqual([{ key: 'x', value: 'kept' }]);
  });

  it('lets exactly one of two concurrent commits from the same checkpoint win', async () => {
    const store = ctx.store();
    const commit = (value: string) =>
      store.commitProjection({
        projection: 'p',
        expectedCheckpoint: 0,
        checkpoint: 1,
        upserts: [{ key: 'k', value }],
        deletes: [],
      });
    const [a, b] = await Promise.all([commit('a'), commit('b')]);
    expect([a?._tag, b?._tag].sort()).toEqual(['Left', 'Right']);
    expect(await store.readDocument('p', 'k')).toBe(a?._tag === 'Right' ? 'a' : 'b');
  });

  it('resets one projection without touching another or the log', async () => {
    const store = ctx.store();
    const before = await fingerprint(store);
    for (const projection of ['p', 'q'])
      unwrapRight(
        await store.commitProjection({
          projection,
          expectedCheckpoint: 0,
          checkpoint: 3,
          upserts: [{ key: 'k', value: projection }],
          deletes: [],
        }),
      );
    await store.resetProjection('p');
    expect(await store.readCheckpoint('p')).toBe(0);
    expect(await collect(store.readDocuments('p'))).toEqual([]);
    expect(await store.readDocument('q', 'k')).toBe('q');
    expect(await store.readCheckpoint('q')).toBe(3);
    expect(await fingerprint(store)).toEqual(before);
  });
};
