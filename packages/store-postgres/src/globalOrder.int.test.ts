import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { appendToStream, verify, type StoredEvent } from '@strive/eventlog';
import { createPostgresEventStore } from './createPostgresEventStore.js';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';
const WRITERS = 8;
const APPENDS = 250;

describePg('global order under concurrent, slow and rolled-back appends', ({ url, store }) => {
  // The test is about visibility order, not durability: skipping the WAL flush at commit keeps it fast
  // (visibility order is the same with or without it).
  const fast = { options: '-c synchronous_commit=off' };
  it(`delivers exactly the committed events, once each, in order (${WRITERS} writers x ${APPENDS})`, async () => {
    let tx = 0;
    const writer = store({
      poolSize: WRITERS + 1,
      poolConfig: fast,
      // Positions are already allocated when this runs: a sleep here is a late commit, a throw a rollback.
      beforeCommit: async (client) => {
        tx += 1;
        if (tx % 53 === 0) await client.query('SELECT pg_sleep(0.01)');
        if (tx % 29 === 0) throw new Error('injected rollback');
      },
    });
    await writer.ready();
    const reader = createPostgresEventStore({
      connectionString: url,
      schema: writer.schema,
      poolSize: 1,
      poolConfig: fast,
    });
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    let writing = true;
    const seen: StoredEvent[] = [];
    let gaps = 0;
    const consume = async (): Promise<void> => {
      for (;;) {
        const done = !writing;
        const after = seen.length === 0 ? 0 : seen[seen.length - 1]!.globalPosition;
        for await (const e of reader.readAll({ after, batchSize: 200 })) {
          if (e.globalPosition !== (seen[seen.length - 1]?.globalPosition ?? 0) + 1) gaps += 1;
          seen.push(e);
        }
        if (done) return;
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const write = async (w: number): Promise<void> => {
      let version = 0;
      for (let i = 0; i < APPENDS; i++) {
        const shared = i % 10 === 0;
        const streamId = shared ? 'shared' : `writer-${w}`;
        const eventId = crypto.randomUUID();
        const event = { eventId, type: 'Tick', data: { w, i }, metadata: { at } };
        try {
          const r = await appendToStream(writer, streamId, [event], {
            expectedVersion: shared ? 'any' : version,
          });
          if (E.isLeft(r)) throw new Error(`unexpected ${r.left._tag}`);
          committed.add(eventId);
          if (!shared) version = r.right.streamVersion;
        } catch (error) {
          if (!(error instanceof Error) || error.message !== 'injected rollback') throw error;
          rolledBack.add(eventId);
        }
      }
    };
    const consumer = consume();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(w)));
    writing = false;
    await consumer;
    await reader.close();

    expect(rolledBack.size).toBeGreaterThan((WRITERS * APPENDS) / 40);
    expect(gaps).toBe(0);
    expect(seen.map((e) => e.globalPosition)).toEqual(seen.map((_, i) => i + 1));
    expect(new Set(seen.map((e) => e.eventId))).toEqual(committed);
    expect(seen.length).toBe(WRITERS * APPENDS - rolledBack.size);
    expect(await verify(writer)).toMatchObject({ _tag: 'ChainVerified', events: seen.length });
  }, 120_000);
  it('keeps the order gap-free with single-statement and grouped appends from two stores', async () => {
    const first = store({ poolSize: 4, poolConfig: fast });
    await first.ready();
    const second = createPostgresEventStore({
      connectionString: url,
      schema: first.schema,
      poolSize: 4,
      poolConfig: fast,
    });
    const seen: StoredEvent[] = [];
    let writing = true;
    const consume = async (): Promise<void> => {
      for (;;) {
        const done = !writing;
        const after = seen[seen.length - 1]?.globalPosition ?? 0;
        for await (const e of second.readAll({ after, batchSize: 100 })) seen.push(e);
        if (done) return;
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const write = async (s: typeof first, w: number): Promise<void> => {
      for (let i = 0; i < 150; i++) {
        const shared = i % 5 === 0;
        const r = await appendToStream(
          s,
          shared ? 'shared' : `writer-${w}`,
          [{ type: 'Tick', data: { w, i }, metadata: { at } }],
          {
            expectedVersion: shared ? 'any' : i - Math.ceil(i / 5),
          },
        );
        if (E.isLeft(r)) throw new Error(`unexpected ${r.left._tag}`);
      }
    };
    const consumer = consume();
    await Promise.all(Array.from({ length: 8 }, (_, w) => write(w % 2 === 0 ? first : second, w)));
    writing = false;
    await consumer;
    await second.close();
    expect(seen.map((e) => e.globalPosition)).toEqual(
      Array.from({ length: 1200 }, (_, i) => i + 1),
    );
    expect(await verify(first)).toMatchObject({ _tag: 'ChainVerified', events: 1200 });
  }, 120_000);
});
