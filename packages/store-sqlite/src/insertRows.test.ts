import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendToStream, isIdempotencyConflict, verify } from '@strive/eventlog';
import { MAX_ROWS_PER_INSERT } from './insertRows.js';
import { memoryStores } from './testSupport/memoryStores.js';
import { collect, commitment, uuid } from './testSupport/fixtures.js';

const open = memoryStores();

describe('multi-row inserts', () => {
  it('stores batches of every size around the chunk sizes, in order, with a sound chain', async () => {
    const store = open();
    let n = 0;
    let global = 0;
    for (let size = 1; size <= 2 * MAX_ROWS_PER_INSERT + 3; size++) {
      const events = Array.from({ length: size }, () => commitment(++n, uuid(n)));
      const r = await appendToStream(store, `s-${size}`, events, { expectedVersion: 'no-stream' });
      expect(E.isRight(r) && r.right.globalPositions).toEqual(
        Array.from({ length: size }, (_, i) => global + i + 1),
      );
      global += size;
      const read = await collect(store.readStream(`s-${size}`));
      expect(read.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
      expect(read.map((e) => e.streamPosition)).toEqual(events.map((_, i) => i + 1));
    }
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: global });
  });

  it('writes nothing of a batch when one id deep inside a chunk is stored already', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 2 * MAX_ROWS_PER_INSERT + 5 }),
        fc.nat(),
        async (size, at) => {
          const store = open();
          const stored = commitment(0, uuid(1_000_000));
          await appendToStream(store, 'other', [stored], { expectedVersion: 'no-stream' });
          const events = Array.from({ length: size }, (_, i) =>
            i === at % size ? stored : commitment(i + 1, uuid(i + 1)),
          );
          const r = await appendToStream(store, 's', events, { expectedVersion: 'no-stream' });
          expect(E.isLeft(r) && isIdempotencyConflict(r.left)).toBe(true);
          expect(await store.head()).toMatchObject({ globalPosition: 1 });
          expect(await collect(store.readStream('s'))).toEqual([]);
          await store.close(); // closed again after the test: a no-op
        },
      ),
      { numRuns: 40 },
    );
  });
});
