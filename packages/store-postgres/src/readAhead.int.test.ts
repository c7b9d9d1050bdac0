import { appendToStream, type EventStore } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it, vi } from 'vitest';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const event = { type: 'T', data: {}, metadata: { at } };
const positions = async (store: EventStore, from: number): Promise<number[]> => {
  const seen: number[] = [];
  for await (const e of store.readStream('hot', { from })) seen.push(e.streamPosition);
  return seen;
};

describePg(
  'withStreamLock readAhead (the tail read in the round trip that takes the lock)',
  (pg) => {
    it('reads the tail after the lock is granted and answers the matching read from it, without a query', async () => {
      const a = pg.store({ poolSize: 4 });
      await a.ready();
      const b = pg.store({ schema: a.schema, poolSize: 4 });
      await appendToStream(a, 'hot', [event, event, event], { expectedVersion: 'no-stream' });
      let holding = false;
      // b holds the lock and appends a 4th event while a waits for it (b reads the stream first, so
      // that its guess of the log head is right and the append commits with the lock).
      const held = b.withStreamLock(['hot'], 5_000, async () => {
        holding = true;
        await positions(b, 1);
        await sleep(200);
        return appendToStream(b, 'hot', [event], { expectedVersion: 3 });
      });
      for (let i = 0; i < 500 && !holding; i++) await sleep(10);
      const query = vi.spyOn(a.pool, 'query');
      const seen = await a.withStreamLock(
        ['hot'],
        5_000,
        async () => {
          const ahead = await positions(a, 3);
          const queriesForAhead = query.mock.calls.length;
          // Read once: a second read, or one from another position, asks the server.
          const again = await positions(a, 3);
          const other = await positions(a, 2);
          return { ahead, queriesForAhead, again, other, queries: query.mock.calls.length };
        },
        [{ streamId: 'hot', from: 3 }],
      );
      query.mockRestore();
      expect(E.isRight(await held)).toBe(true);
      expect(seen).toEqual(
        E.right({ ahead: [3, 4], queriesForAhead: 0, again: [3, 4], other: [2, 3, 4], queries: 2 }),
      );
    });

    it('ignores what it read ahead once an append under the lock ended it, and tails it cannot read', async () => {
      const a = pg.store({ poolSize: 4 });
      await a.ready();
      await appendToStream(a, 'hot', [event], { expectedVersion: 'no-stream' });
      const seen = await a.withStreamLock(
        ['hot'],
        5_000,
        async () => {
          await appendToStream(a, 'hot', [event], { expectedVersion: 1 });
          return positions(a, 1);
        },
        [
          { streamId: 'hot', from: 1 },
          { streamId: '', from: 1 },
          { streamId: 'cold', from: 0 },
        ],
      );
      expect(seen).toEqual(E.right([1, 2]));
    });
  },
);
