import { isSealed, sealSnapshot } from '@strive/eventlog';
import { expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { describePg } from './pgSuite.js';
import { schemaAt } from './schemaAt.js';

describePg('migration 6: snapshots bound and sealed', ({ store }) => {
  it('keeps a migration-5 snapshot row but never trusts it, and stores both new fields', async () => {
    const old = store();
    const s = old.schema;
    await schemaAt(old.pool, s, 5);
    await old.pool.query(
      `INSERT INTO ${s}.snapshots (stream_id, key, stream_position, state) VALUES ('s', 'k', 3, '{"n":3}')`,
    );
    const current = store({ schema: s });
    const legacy = await current.loadSnapshot('s', 'k');
    expect(legacy).toMatchObject({ streamPosition: 3, eventHash: '', digest: '', state: { n: 3 } });
    expect(legacy !== undefined && isSealed(legacy)).toBe(false);
    const sealed = sealSnapshot({
      streamId: 's',
      key: 'k',
      streamPosition: 4,
      eventHash: 'c'.repeat(64),
      state: { n: 4 },
    });
    await current.saveSnapshot(sealed);
    expect(await current.loadSnapshot('s', 'k')).toEqual(sealed);
    const versions = await current.pool.query<{ version: number }>(
      `SELECT version FROM ${s}.schema_migrations ORDER BY version`,
    );
    expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('opens read-only without creating a schema, and refuses writes at the server', async () => {
    const probe = store();
    const absent = store({ schema: probe.schema, readOnly: true });
    await expect(absent.head()).rejects.toThrow(/no Strive event store in schema/);
    const exists = await probe.pool.query(
      'SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1',
      [probe.schema],
    );
    expect(exists.rows[0]).toEqual({ n: 0 });
    await probe.ready();
    const reader = store({ schema: probe.schema, readOnly: true });
    expect(await reader.head()).toMatchObject({ globalPosition: 0 });
    await expect(
      reader.saveSnapshot(
        sealSnapshot({
          streamId: 's',
          key: 'k',
          streamPosition: 0,
          eventHash: '0'.repeat(64),
          state: 1,
        }),
      ),
    ).rejects.toThrow(/read-only transaction/);
  });
});
