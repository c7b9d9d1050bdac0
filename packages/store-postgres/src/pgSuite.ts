import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPostgresEventStore, type PostgresEventStore } from './createPostgresEventStore.js';
import type { PostgresStoreOptions } from './PostgresStoreOptions.js';
import { dropSchemas, freshSchemaName, PG_REQUIRED, pgTestUrl } from './pgTestEnv.js';

/** What a PostgreSQL suite gets: the URL, and a factory of stores on fresh schemas dropped afterwards. */
export interface PgSuiteContext {
  readonly url: string;
  /** A store on a new schema (`strive_test_<random>`), closed and dropped after the suite. */
  readonly store: (
    options?: Omit<PostgresStoreOptions, 'connectionString' | 'pool'>,
  ) => PostgresEventStore;
  /**
   * A store on an empty schema: one left by a closed `recycled` store of this suite, emptied (rows
   * deleted, head reset), or a new one. Much faster than migrating a fresh schema per test.
   */
  readonly recycled: (
    options?: Omit<PostgresStoreOptions, 'connectionString' | 'pool' | 'schema'>,
  ) => Promise<PostgresEventStore>;
}

const wipe = (s: string): string => `DELETE FROM ${s}.events; DELETE FROM ${s}.streams;
DELETE FROM ${s}.snapshots; DELETE FROM ${s}.projection_documents; DELETE FROM ${s}.projection_checkpoints;
DELETE FROM ${s}.projection_leases; UPDATE ${s}.log_head SET global_position = 0, hash = repeat('0', 64)`;

/**
 * Declares a suite that needs PostgreSQL: skipped (with one warning per run) without `STRIVE_PG_URL`,
 * failed when `STRIVE_REQUIRE_PG=1` and the URL is missing or the server unreachable. Every store it
 * hands out lives in its own schema, dropped in `afterAll`. For tests only.
 */
export const describePg = (name: string, body: (ctx: PgSuiteContext) => void): void => {
  const url = pgTestUrl();
  if (url === undefined && PG_REQUIRED) {
    describe(name, () => {
      it('has a PostgreSQL server (STRIVE_REQUIRE_PG=1 needs STRIVE_PG_URL)', () => {
        throw new Error('STRIVE_REQUIRE_PG=1 but STRIVE_PG_URL is not set');
      });
    });
    return;
  }
  describe.skipIf(url === undefined)(name, () => {
    const opened: PostgresEventStore[] = [];
    const effectiveUrl = url ?? '';
    beforeAll(async () => {
      const probe = createPostgresEventStore({
        connectionString: effectiveUrl,
        schema: freshSchemaName(),
      });
      try {
        await probe.pool.query('SELECT 1');
      } finally {
        await probe.close();
      }
    });
    afterAll(async () => {
      for (const s of opened) await s.close();
      await dropSchemas(effectiveUrl, [...new Set(opened.map((s) => s.schema))]);
    });
    const free: string[] = [];
    const store = (options: Omit<PostgresStoreOptions, 'connectionString' | 'pool'> = {}) => {
      const s = createPostgresEventStore({
        schema: freshSchemaName(),
        // Tests check behaviour, not durability: skipping the WAL flush at commit keeps suites fast.
        poolConfig: { options: '-c synchronous_commit=off' },
        ...options,
        connectionString: effectiveUrl,
      });
      opened.push(s);
      return s;
    };
    body({
      url: effectiveUrl,
      store,
      recycled: async (options = {}) => {
        const schema = free.pop();
        const s = store({ ...options, ...(schema === undefined ? {} : { schema }) });
        if (schema !== undefined) await s.pool.query(wipe(schema));
        await s.ready();
        return {
          ...s,
          close: async () => {
            await s.close();
            free.push(s.schema);
          },
        };
      },
    });
  });
};
