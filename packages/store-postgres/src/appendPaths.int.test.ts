import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { expect, it } from 'vitest';
import { appendToStream, isConcurrencyConflict, verify, type NewEvent } from '@strive/eventlog';
import { createPostgresEventStore } from './createPostgresEventStore.js';
import { describePg } from './pgSuite.js';
import { appendChannel } from './schemaName.js';

const at = '2010-05-10T09:00:00+08:00';
const tick = (n: number, eventId?: string): NewEvent => ({
  ...(eventId === undefined ? {} : { eventId }),
  type: 'Tick',
  data: { n },
  metadata: { at },
});

describePg('single-statement and grouped appends', ({ url, store }) => {
  it('groups concurrent appends on one store, each keeping its own expected version', async () => {
    const s = store({ poolSize: 3 });
    await s.ready();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendToStream(s, `stream-${i % 20}`, [tick(i)], { expectedVersion: 'no-stream' }),
      ),
    );
    const written = results.filter(E.isRight);
    expect(written).toHaveLength(20);
    expect(results.filter((r) => E.isLeft(r) && isConcurrencyConflict(r.left))).toHaveLength(20);
    const positions = written.flatMap((r) => r.right.globalPositions).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verify(s)).toMatchObject({ _tag: 'ChainVerified', events: 20 });
  });

  it('lets writers that looped back join the next group instead of alternating in half groups', async () => {
    const s = store({ poolSize: 5 });
    await s.ready();
    // One NOTIFY per written statement: count the statements while 4 writers append 10 times each.
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    let statements = 0;
    listener.on('notification', () => (statements += 1));
    await listener.query(`LISTEN "${appendChannel(s.schema)}"`);
    try {
      await Promise.all(
        Array.from({ length: 4 }, async (_, w) => {
          for (let i = 0; i < 10; i++) {
            const r = await appendToStream(s, `writer-${w}`, [tick(i)], {
              expectedVersion: i === 0 ? 'no-stream' : i,
            });
            expect(E.isRight(r)).toBe(true);
          }
        }),
      );
      await listener.query('SELECT 1'); // notifications sent before this reply have arrived
      // Alternating groups (1, 3, 1, 3, ...) take 20 statements; joined groups take about 11. The
      // bound sits between with room for a loaded machine's odd round (an event, not a clock, decides
      // who joins: the queue waits one turn of the event loop), and fails on alternation.
      expect(statements).toBeGreaterThanOrEqual(10);
      expect(statements).toBeLessThanOrEqual(17);
      expect(await verify(s)).toMatchObject({ _tag: 'ChainVerified', events: 40 });
    } finally {
      await listener.end();
    }
  });

  it('answers the second of two concurrent identical batches as a duplicate', async () => {
    const s = store({ poolSize: 2 });
    await s.ready();
    await appendToStream(s, 'warm-up', [tick(0)], { expectedVersion: 'any' });
    const ids = ['0190b000-0000-7000-8000-000000000001', '0190b000-0000-7000-8000-000000000002'];
    const batch = ids.map((id, n) => tick(n, id));
    const [a, b, c] = await Promise.all([
      appendToStream(s, 'other', [tick(9)], { expectedVersion: 'any' }),
      appendToStream(s, 'pledges', batch, { expectedVersion: 'no-stream' }),
      appendToStream(s, 'pledges', batch, { expectedVersion: 'no-stream' }),
    ]);
    expect(E.isRight(a)).toBe(true);
    expect(E.isRight(b) && b.right.duplicate).toBe(false);
    expect(E.isRight(c) && c.right.duplicate, JSON.stringify(c)).toBe(true);
    expect(E.isRight(b) && E.isRight(c) && c.right.globalPositions).toEqual(
      E.isRight(b) && b.right.globalPositions,
    );
    expect(await verify(s)).toMatchObject({ _tag: 'ChainVerified', events: 4 });
  });

  it('answers stored ids on a current head (refused by UNIQUE (event_id)) from the stored rows', async () => {
    const s = store();
    await s.ready();
    const ids = ['0190b000-0000-7000-8000-00000000000a', '0190b000-0000-7000-8000-00000000000b'];
    const batch = ids.map((id, n) => tick(n, id));
    const first = await appendToStream(s, 'repeat', batch, { expectedVersion: 'any' });
    // Same head, same cached version: only the stored ids differ from what the cache assumed.
    const again = await appendToStream(s, 'repeat', batch, { expectedVersion: 'any' });
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
    expect(E.isRight(again) && again.right.globalPositions).toEqual(
      E.isRight(first) && first.right.globalPositions,
    );
    const changed = await appendToStream(s, 'repeat', [tick(7, ids[0])], {
      expectedVersion: 'any',
    });
    expect(E.isLeft(changed) && changed.left._tag).toBe('IdempotencyConflict');
    const grouped = await Promise.all([
      appendToStream(s, 'repeat', batch, { expectedVersion: 'any' }),
      appendToStream(s, 'fresh', [tick(3)], { expectedVersion: 'no-stream' }),
    ]);
    expect(grouped.map((r) => E.isRight(r) && r.right.duplicate)).toEqual([true, false]);
    expect(await verify(s)).toMatchObject({ _tag: 'ChainVerified', events: 3 });
  });

  it('replans when another store moved the head, and decides conflicts on the actual state', async () => {
    const first = store();
    await first.ready();
    const second = createPostgresEventStore({ connectionString: url, schema: first.schema });
    try {
      for (let i = 0; i < 10; i++) {
        const writer = i % 2 === 0 ? first : second;
        const r = await appendToStream(writer, 'shared', [tick(i)], {
          expectedVersion: i === 0 ? 'no-stream' : i,
        });
        expect(E.isRight(r) && r.right.globalPositions).toEqual([2 * i + 1]);
        const any = await appendToStream(writer, `any-${i % 2}`, [tick(i)], {
          expectedVersion: 'any',
        });
        expect(E.isRight(any)).toBe(true);
      }
      const stale = await appendToStream(second, 'shared', [tick(99)], { expectedVersion: 3 });
      expect(E.isLeft(stale) && isConcurrencyConflict(stale.left) && stale.left.actual).toBe(10);
      const missing = await appendToStream(second, 'nowhere', [tick(1)], {
        expectedVersion: 'exists',
      });
      expect(E.isLeft(missing) && isConcurrencyConflict(missing.left)).toBe(true);
      expect(await second.streamVersion('any-1')).toBe(5);
      expect(await verify(first)).toMatchObject({ _tag: 'ChainVerified', events: 20 });
    } finally {
      await second.close();
    }
  });
});
