import { appendToStream, type StoredEvent } from '@strive/eventlog';
import { expect, it } from 'vitest';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';
const ev = (n: number) => ({ type: 'Tick', data: { n }, metadata: { at } });
/** So long that only a NOTIFY (or a reconnect) can wake the subscription within the test timeout. */
const NEVER_POLL = 600_000;

describePg('subscribe (LISTEN/NOTIFY wake-ups over polling)', ({ store }) => {
  it('is woken by NOTIFY, and misses nothing when the listener connection is terminated', async () => {
    const s = store({ listenReconnectMs: 50 });
    const seen: StoredEvent[] = [];
    const sub = s.subscribe({
      after: 0,
      handler: (e) => void seen.push(e),
      pollIntervalMs: NEVER_POLL,
    });
    await appendToStream(s, 'a', [ev(1), ev(2), ev(3)], { expectedVersion: 'no-stream' });
    await sub.waitFor(3);

    const listen = `LISTEN "${s.schema}_appended"`;
    // Two statements on purpose: one WHERE with pg_terminate_backend could be evaluated on any backend.
    const found = await s.pool.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()',
      [listen],
    );
    expect(found.rows.length).toBe(1);
    const listenerPid = found.rows[0]?.pid;
    await s.pool.query('SELECT pg_terminate_backend($1)', [listenerPid]);
    await appendToStream(s, 'a', [ev(4)], { expectedVersion: 3 });
    await appendToStream(s, 'b', [ev(5)], { expectedVersion: 'no-stream' });
    await sub.waitFor(5);
    await appendToStream(s, 'a', [ev(6)], { expectedVersion: 4 });
    await sub.waitFor(6);
    await sub.stop();

    expect(seen.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5, 6]);
    const again = await s.pool.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE query = $1',
      [listen],
    );
    expect(again.rows.map((r) => r.pid)).not.toContain(listenerPid);
  });
});
