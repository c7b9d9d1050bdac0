import * as E from 'fp-ts/lib/Either.js';
import type { Pool } from 'pg';
import { expect, it } from 'vitest';
import {
  appendToStream,
  GENESIS_HASH,
  isChainBroken,
  isConcurrencyConflict,
  verify,
} from '@strive/eventlog';
import { newEventId, planAppend, prepareRequests } from '@strive/eventlog/adapter';
import { appendPayload } from './appendPayload.js';
import { MIGRATIONS } from './migrations.js';
import { describePg } from './pgSuite.js';
import { schemaAt } from './schemaAt.js';
import { appendChannel } from './schemaName.js';

const at = '2010-05-10T09:00:00+08:00';
const event = (i: number) => ({ type: 'Noted', data: { i }, metadata: { at } });

describePg('upgrading a schema written by an older version', ({ store }) => {
  it('moves a migration-4 log to the latest version and keeps appending on the same chain', async () => {
    const old = store();
    const s = old.schema;
    // What a store of the previous release left: migrations 1-4 and events appended by that append_events.
    await schemaAt(old.pool, s, 4);
    // Three streams written through migration 4's append_events (generated keys, the old function).
    const ids = ['a', 'é-流', 'c'];
    let head = { globalPosition: 0, hash: GENESIS_HASH };
    /** Appends one batch by calling append_events itself, as a process on the previous release does. */
    const appendLegacy = async (pool: Pool, id: string, n: number, version: number) => {
      const prepared = prepareRequests(
        [{ streamId: id, expectedVersion: version, events: [event(n)] }],
        newEventId,
      );
      if (E.isLeft(prepared)) throw new Error('invalid test events');
      const snapshot = { head, versions: new Map([[id, version]]), existing: new Map() };
      const plan = planAppend(prepared.right, snapshot);
      if (E.isLeft(plan) || plan.right._tag !== 'Write') throw new Error('the plan must write');
      const legacy = appendPayload(prepared.right, snapshot, plan.right, appendChannel(s));
      const res = await pool.query<{ r: unknown }>(`SELECT ${s}.append_events($1::jsonb) AS r`, [
        legacy,
      ]);
      expect(res.rows[0]?.r).toEqual({ ok: true });
      const last = plan.right.rows[plan.right.rows.length - 1];
      if (last !== undefined) head = { globalPosition: last.globalPosition, hash: last.hash };
    };
    for (const id of ids) {
      await appendLegacy(old.pool, id, 1, 0);
      await appendLegacy(old.pool, id, 2, 1);
    }
    const current = store({ schema: s });
    await current.ready();
    const applied = await current.pool.query<{ version: number }>(
      `SELECT version FROM ${s}.schema_migrations ORDER BY version`,
    );
    expect(applied.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    // Keys written by the generated columns still match the function's value after the upgrade.
    const keys = await current.pool.query<{ bad: string }>(
      `SELECT count(*) AS bad FROM ${s}.events WHERE stream_key <> ${s}.stream_key(stream_id)
        OR stream_key <> sha256(convert_to(stream_id, 'UTF8'))`,
    );
    expect(keys.rows[0]?.bad).toBe('0');
    for (const id of ids)
      expect(E.isRight(await appendToStream(current, id, [event(3)], { expectedVersion: 2 }))).toBe(
        true,
      );
    const stale = await appendToStream(current, 'a', [event(4)], { expectedVersion: 2 });
    expect(E.isLeft(stale) && isConcurrencyConflict(stale.left) && stale.left.actual).toBe(3);
    expect(await current.streamVersion('é-流')).toBe(3);
    // A process still on the previous release keeps appending through the upgraded function.
    head = await current.head();
    await appendLegacy(current.pool, 'c', 4, 3);
    const chain = await verify(current);
    expect(isChainBroken(chain)).toBe(false);
    expect((await current.head()).globalPosition).toBe(10);
    expect(await current.streamVersion('c')).toBe(4);
  });
});
