import { appendToStream } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import type { PostgresEventStore } from './createPostgresEventStore.js';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const event = [{ type: 'T', data: {}, metadata: { at } }];

describePg(
  'withStreamLock keeps its lock for the next call (lockLingerMs, lockMaxHoldMs)',
  (pg) => {
    /** Store `a` (leasing as given) and `b` (another process, no lease) on one schema. */
    const pair = async (
      linger: number,
      maxHold: number,
    ): Promise<{ a: PostgresEventStore; b: PostgresEventStore }> => {
      const a = pg.store({ poolSize: 4, lockLingerMs: linger, lockMaxHoldMs: maxHold });
      await a.ready();
      return { a, b: pg.store({ schema: a.schema, poolSize: 4, lockLingerMs: 0 }) };
    };
    /** b asks for the lock of `hot` (logging `b` once granted); resolves once b is waiting. */
    const bWaits = async (b: PostgresEventStore, log: string[]) => {
      const asked = performance.now();
      const granted = b.withStreamLock(['hot'], 10_000, () => {
        log.push('b');
        return Promise.resolve(performance.now() - asked);
      });
      await sleep(100); // b's lock request reaches the server's queue
      return { granted };
    };

    it("runs this process's next call at once while another waits, then lets the waiter in", async () => {
      const { a, b } = await pair(1_000, 5_000);
      const log: string[] = [];
      const first = await a.withStreamLock(['hot'], 5_000, async () => {
        log.push('a1');
        return appendToStream(a, 'hot', event, { expectedVersion: 'no-stream' });
      });
      expect(E.isRight(first)).toBe(true);
      const waited = (await bWaits(b, log)).granted;
      const second = await a.withStreamLock(['hot'], 5_000, async () => {
        log.push('a2');
        return appendToStream(a, 'hot', event, { expectedVersion: 1 });
      });
      expect(E.isRight(second) && E.isRight(second.right)).toBe(true);
      expect(log).toEqual(['a1', 'a2']);
      // b gets the lock when a's last call has lingered 1 s with no next call.
      const wait = await waited;
      expect(log).toEqual(['a1', 'a2', 'b']);
      expect(E.isRight(wait) && wait.right > 900).toBe(true);
      expect(await b.streamVersion('hot')).toBe(2);
    });

    it('lets the waiter in first once lockMaxHoldMs has passed since the grant', async () => {
      const { a, b } = await pair(1_000, 150);
      const log: string[] = [];
      await a.withStreamLock(['hot'], 5_000, () => Promise.resolve(log.push('a1')));
      const waited = (await bWaits(b, log)).granted;
      await sleep(100); // past 150 ms since a's grant
      await a.withStreamLock(['hot'], 5_000, () => Promise.resolve(log.push('a2')));
      await waited;
      expect(log).toEqual(['a1', 'b', 'a2']);
    });

    it("answers a kept lock's tails as unchanged, with no query; an append on them fails its expected version when an unlocked writer moved them", async () => {
      const { a, b } = await pair(5_000, 10_000);
      await a.withStreamLock(['hot'], 5_000, () =>
        appendToStream(a, 'hot', event, { expectedVersion: 'no-stream' }),
      );
      // b appends without any lock: to the stream a keeps locked, and to one a reads unlocked.
      expect(E.isRight(await appendToStream(b, 'hot', event, { expectedVersion: 1 }))).toBe(true);
      const cold = await appendToStream(b, 'cold', event, { expectedVersion: 'no-stream' });
      expect(E.isRight(cold)).toBe(true);
      const read = async (id: string, from: number): Promise<number[]> => {
        const seen: number[] = [];
        for await (const e of a.readStream(id, { from })) seen.push(e.streamPosition);
        return seen;
      };
      const tails = [
        { streamId: 'hot', from: 2 },
        { streamId: 'cold', from: 1 },
      ];
      const seen = await a.withStreamLock(
        ['hot'],
        5_000,
        async () => {
          const assumed = { hot: await read('hot', 2), cold: await read('cold', 1) };
          const appended = await appendToStream(a, 'hot', event, { expectedVersion: 1 });
          // A second read is the server's (what a refusal must do before it is final: the engine does).
          const again = { hot: await read('hot', 2), cold: await read('cold', 1) };
          return { assumed, conflict: E.isLeft(appended) && appended.left._tag, again };
        },
        tails,
      );
      expect(seen).toEqual(
        E.right({
          assumed: { hot: [], cold: [] },
          conflict: 'ConcurrencyConflict',
          again: { hot: [2], cold: [1] },
        }),
      );
    });

    it('lets go of kept locks on close', async () => {
      const { a, b } = await pair(60_000, 120_000);
      const log: string[] = [];
      await a.withStreamLock(['hot'], 5_000, () => Promise.resolve(log.push('a1')));
      const waited = (await bWaits(b, log)).granted;
      await a.close();
      const wait = await waited;
      expect(log).toEqual(['a1', 'b']);
      expect(E.isRight(wait) && wait.right < 5_000).toBe(true);
    });
  },
);
