import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { appendToStream, isConcurrencyConflict } from '@strive/eventlog';
import { MIGRATIONS } from './migrations.js';
import { describePg } from './pgSuite.js';

const at = '2010-05-10T09:00:00+08:00';

describePg('migrations and the unique (stream, position) arbiter', ({ store }) => {
  it('applies each migration once when several stores start on an empty schema at once', async () => {
    const first = store();
    const others = Array.from({ length: 5 }, () => store({ schema: first.schema }));
    await Promise.all(
      [first, ...others].map((s, i) =>
        appendToStream(s, `s-${i}`, [{ type: 'Started', data: { i }, metadata: { at } }], {
          expectedVersion: 'no-stream',
        }),
      ),
    );
    const applied = await first.pool.query<{ version: number }>(
      `SELECT version FROM ${first.schema}.schema_migrations ORDER BY version`,
    );
    expect(applied.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await first.head()).globalPosition).toBe(6);
  });

  const rogueRow = (schema: string): string =>
    `INSERT INTO ${schema}.events (global_position, event_id, stream_id, stream_position, type,
       schema_version, data, metadata, prev_hash, hash)
     VALUES (1000, gen_random_uuid(), 'x', 1, 'Rogue', 1, '{}', '{"at":"${at}"}', repeat('0', 64), repeat('0', 64))`;

  it('turns a unique violation on (stream, position) into a ConcurrencyConflict and writes nothing', async () => {
    const s = store();
    await s.ready();
    // A writer that bypassed the store took position 1 of "x" without updating the streams table.
    await s.pool.query(rogueRow(s.schema));
    const r = await appendToStream(s, 'x', [{ type: 'A', data: {}, metadata: { at } }], {
      expectedVersion: 'no-stream',
    });
    expect(E.isLeft(r) && isConcurrencyConflict(r.left) && r.left.actual).toBe(1);
    expect((await s.head()).globalPosition).toBe(0);
  });

  it('does the same when the rival row commits while the append waits on it', async () => {
    const s = store();
    await s.ready();
    // The rogue row is uncommitted while the append checks versions, so the check passes and the
    // insert waits on UNIQUE (stream_key, stream_position); it commits, and the insert is refused.
    const rogue = await s.pool.connect();
    try {
      const pid = (await rogue.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]
        ?.pid;
      await rogue.query('BEGIN');
      await rogue.query(rogueRow(s.schema));
      const pending = appendToStream(s, 'x', [{ type: 'A', data: {}, metadata: { at } }], {
        expectedVersion: 'no-stream',
      });
      for (let waited = 0; ; waited += 10) {
        const blocked = await s.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted
             AND transactionid = (SELECT backend_xid FROM pg_stat_activity WHERE pid = $1)`,
          [pid],
        );
        if (blocked.rows[0]?.n === '1') break;
        if (waited > 5_000) throw new Error('the append never waited on the rogue row');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await rogue.query('COMMIT');
      const r = await pending;
      expect(E.isLeft(r) && isConcurrencyConflict(r.left) && r.left.actual).toBe(1);
      expect((await s.head()).globalPosition).toBe(0);
    } finally {
      rogue.release();
    }
  });

  it('refuses a bad schema name before touching the database', () => {
    expect(() => store({ schema: 'x; DROP TABLE y' })).toThrow(/must match/);
  });
});
