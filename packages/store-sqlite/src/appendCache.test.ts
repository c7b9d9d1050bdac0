import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { appendToStream, isConcurrencyConflict, verify } from '@strive/eventlog';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';
import { appendCache } from './appendCache.js';
import { EVENT_COLUMNS } from './decodeEventRow.js';
import { openDatabase } from './openDatabase.js';
import { prepareStatements } from './prepareStatements.js';
import { resolveOptions } from './SqliteStoreOptions.js';
import { commitment, tempDir, uuid } from './testSupport/fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const twoConnections = (): readonly [SqliteEventStore, SqliteEventStore] => {
  const dir = tempDir();
  const a = createSqliteEventStore({ path: dir.file });
  const b = createSqliteEventStore({ path: dir.file });
  cleanups.push(
    dir.remove,
    () => a.close(),
    () => b.close(),
  );
  return [a, b];
};

describe('remembered head and stream versions', () => {
  it('see what another connection committed: conflicts report the true version, the chain stays whole', async () => {
    const [a, b] = twoConnections();
    expect(
      E.isRight(await appendToStream(a, 's', [commitment(1)], { expectedVersion: 'no-stream' })),
    ).toBe(true);
    expect(E.isRight(await appendToStream(b, 's', [commitment(2)], { expectedVersion: 1 }))).toBe(
      true,
    );
    // `a` remembers version 1 from its own write; `b` moved the stream to 2 since.
    expect(await appendToStream(a, 's', [commitment(3)], { expectedVersion: 1 })).toEqual(
      E.left({ _tag: 'ConcurrencyConflict', streamId: 's', expected: 1, actual: 2 }),
    );
    const r = await appendToStream(a, 't', [commitment(4)], { expectedVersion: 'no-stream' });
    expect(E.isRight(r) && r.right.globalPositions).toEqual([3]);
    expect(await verify(a)).toMatchObject({ _tag: 'ChainVerified', events: 3 });
  });

  it('interleaved writers through two connections always agree with the log (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3 }), fc.boolean()), {
          minLength: 1,
          maxLength: 25,
        }),
        async (steps) => {
          const [a, b] = twoConnections();
          const truth = new Map<string, number>();
          let n = 0;
          for (const [useA, stream, stale] of steps) {
            const store = useA ? a : b;
            const streamId = `s-${stream}`;
            const actual = truth.get(streamId) ?? 0;
            const expectedVersion = stale ? actual + 1 : actual;
            const r = await appendToStream(store, streamId, [commitment(n++)], { expectedVersion });
            if (stale)
              expect(E.isLeft(r) && isConcurrencyConflict(r.left) && r.left.actual).toBe(actual);
            else {
              expect(E.isRight(r) && r.right.streamVersion).toBe(actual + 1);
              truth.set(streamId, actual + 1);
            }
          }
          const total = [...truth.values()].reduce((x, y) => x + y, 0);
          expect(await verify(b)).toMatchObject({ _tag: 'ChainVerified', events: total });
          expect((await a.head()).globalPosition).toBe(total);
          for (const c of cleanups.splice(0).reverse()) await c();
        },
      ),
      { numRuns: 15 },
    );
  });

  it('forgets what a rolled-back transaction wrote (an inline projection that throws)', async () => {
    const [a] = twoConnections();
    const failing = {
      name: 'boom',
      keyOf: () => 'k',
      apply: () => {
        throw new Error('projection failed');
      },
    };
    await expect(
      appendToStream(a, 's', [commitment(1)], { expectedVersion: 'no-stream', inline: [failing] }),
    ).rejects.toThrow('projection failed');
    const r = await appendToStream(a, 's', [commitment(2)], { expectedVersion: 'no-stream' });
    expect(E.isRight(r) && r.right.globalPositions).toEqual([1]);
    expect(await verify(a)).toMatchObject({ _tag: 'ChainVerified', events: 1 });
  });

  it('reads a stream again once more streams than it keeps were seen', () => {
    const opened = openDatabase(resolveOptions({ path: ':memory:' }));
    if (E.isLeft(opened)) throw new Error('cannot open');
    const st = prepareStatements(opened.right.db);
    const row = opened.right.db.prepare(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, 1, 'T', 1, '{}', '{}', 'h', 'h')`,
    );
    const insert = (pos: number, streamId: string): void => void row.run(pos, uuid(pos), streamId);
    insert(1, 'a');
    insert(2, 'b');
    const cache = appendCache(st, 2);
    cache.sync();
    expect([cache.version('a'), cache.version('b'), cache.version('c')]).toEqual([1, 1, 0]);
    // Past two streams the memory started over: 'a' is read again (and its row is gone now).
    opened.right.db.prepare("DELETE FROM events WHERE stream_id = 'a'").run();
    expect(cache.version('a')).toBe(0);
    expect(cache.version('c')).toBe(0);
    opened.right.db.close();
  });
});
