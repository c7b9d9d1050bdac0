import { appendToStream } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { describePg } from './pgSuite.js';
import { streamLockKey } from './streamLocks.js';

const at = '2010-05-10T09:00:00+08:00';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describePg('withStreamLock (advisory stream locks)', (pg) => {
  it('makes a second store wait for a stream another holds, appending through its pool meanwhile', async () => {
    const a = pg.store({ poolSize: 4 });
    await a.ready();
    const b = pg.store({ schema: a.schema, poolSize: 4 });
    const log: string[] = [];
    const held = a.withStreamLock(['hot'], 5_000, async () => {
      log.push('a+');
      await sleep(300);
      log.push('a appends');
      const r = await appendToStream(a, 'hot', [{ type: 'T', data: {}, metadata: { at } }], {
        expectedVersion: 'no-stream',
      });
      log.push('a-');
      return r;
    });
    // b asks only once a holds the lock (a fixed sleep raced a's grant under CI load).
    for (let i = 0; i < 500 && !log.includes('a+'); i++) await sleep(10);
    expect(log).toEqual(['a+']);
    const waited = b.withStreamLock(['other', 'hot'], 5_000, async () => {
      log.push('b+');
      return b.streamVersion('hot');
    });
    // Another stream is not held.
    const free = await b.withStreamLock(['cold'], 5_000, () => Promise.resolve('cold'));
    expect(free).toEqual(E.right('cold'));
    expect(await waited).toEqual(E.right(1));
    expect(E.isRight(await held)).toBe(true);
    // b got the lock only once a's append had committed it (it read version 1 above); the lock goes
    // as the events commit, so b may log before a's append has returned to a ('a-' last or not).
    expect(log.slice(0, 2)).toEqual(['a+', 'a appends']);
    expect([...log].sort()).toEqual(['a appends', 'a+', 'a-', 'b+']);
  });

  it('commits an append made under the lock with the lock: one round trip, the lock free as it returns (lockLingerMs 0)', async () => {
    const a = pg.store({ poolSize: 4, lockLingerMs: 0 });
    await a.ready();
    const key = streamLockKey(a.schema, 'hot');
    const tryLock = async (): Promise<boolean> => {
      const client = await a.pool.connect();
      try {
        const r = await client.query<{ ok: boolean }>(
          `SELECT pg_try_advisory_lock(${key.toString()}) AS ok`,
        );
        if (r.rows[0]?.ok === true)
          await client.query(`SELECT pg_advisory_unlock(${key.toString()})`);
        return r.rows[0]?.ok === true;
      } finally {
        client.release();
      }
    };
    const seen = await a.withStreamLock(['hot'], 5_000, async () => {
      const before = await tryLock();
      const r = await appendToStream(a, 'hot', [{ type: 'T', data: {}, metadata: { at } }], {
        expectedVersion: 'no-stream',
      });
      // Still inside the function: the lock's transaction committed the event and ended.
      const counted = await a.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${a.schema}.events`,
      );
      const visible = counted.rows[0]?.n;
      return { before, appended: E.isRight(r), after: await tryLock(), visible };
    });
    expect(seen).toEqual(E.right({ before: false, appended: true, after: true, visible: 1 }));
    // A second append under a new lock goes on from the first (the cache learned the head).
    const again = await a.withStreamLock(['hot'], 5_000, () =>
      appendToStream(a, 'hot', [{ type: 'T', data: {}, metadata: { at } }], { expectedVersion: 1 }),
    );
    expect(E.isRight(again) && E.isRight(again.right)).toBe(true);
    expect(await a.streamVersion('hot')).toBe(2);
  });

  it('answers StreamLockTimeout after the time limit, runs nothing, and frees the connection', async () => {
    const a = pg.store({ poolSize: 2 });
    await a.ready();
    const b = pg.store({ schema: a.schema, poolSize: 2 });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = a.withStreamLock(['hot'], 5_000, () => gate);
    await sleep(50);
    let ran = false;
    const started = Date.now();
    const timedOut = await b.withStreamLock(['hot'], 200, () => {
      ran = true;
      return Promise.resolve();
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(timedOut).toEqual(
      E.left({ _tag: 'StreamLockTimeout', streamIds: ['hot'], timeoutMs: 200 }),
    );
    expect(ran).toBe(false);
    release();
    await held;
    // b's lock connection went back to the pool without the lock: it is free for b now.
    expect(await b.withStreamLock(['hot'], 200, () => Promise.resolve('now'))).toEqual(
      E.right('now'),
    );
  });

  it('releases the lock when the function throws', async () => {
    const a = pg.store({ poolSize: 2 });
    await a.ready();
    await expect(
      a.withStreamLock(['s'], 1_000, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await a.withStreamLock(['s'], 200, () => Promise.resolve(1))).toEqual(E.right(1));
  });

  it('runs unlocked on a pool of one connection, which could not both hold a lock and append', async () => {
    const a = pg.store({ poolSize: 1 });
    await a.ready();
    const r = await a.withStreamLock(['s'], 1_000, () =>
      appendToStream(a, 's', [{ type: 'T', data: {}, metadata: { at } }], {
        expectedVersion: 'no-stream',
      }),
    );
    expect(E.isRight(r) && E.isRight(r.right)).toBe(true);
  });

  it('keys streams by schema and id', () => {
    expect(streamLockKey('a', 's')).toBe(streamLockKey('a', 's'));
    expect(streamLockKey('a', 's')).not.toBe(streamLockKey('b', 's'));
    expect(streamLockKey('a', 's')).not.toBe(streamLockKey('a', 't'));
  });
});
