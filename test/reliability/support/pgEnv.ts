import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  createPostgresEventStore,
  type PostgresEventStore,
  type PostgresStoreOptions,
} from '../../../packages/store-postgres/src/index.js';

/** The PostgreSQL server of the run (`STRIVE_PG_URL`), or undefined. */
export const PG_URL: string | undefined =
  process.env['STRIVE_PG_URL'] === '' ? undefined : process.env['STRIVE_PG_URL'];
/** CI sets `STRIVE_REQUIRE_PG=1`: a missing or unreachable server then fails the suites. */
export const PG_REQUIRED = process.env['STRIVE_REQUIRE_PG'] === '1';

/** A fresh schema name for one store of this suite: `strive_rel_<random hex>`. */
const freshSchema = (): string => `strive_rel_${randomBytes(6).toString('hex')}`;

/** What a PostgreSQL suite gets: the URL and stores on fresh schemas, dropped after the suite. */
export interface PgContext {
  readonly url: () => string;
  readonly store: (
    options?: Omit<PostgresStoreOptions, 'connectionString' | 'pool'>,
  ) => PostgresEventStore;
}

const noServer: PgContext = {
  url: () => {
    throw new Error('no PostgreSQL server (STRIVE_PG_URL is not set)');
  },
  store: () => {
    throw new Error('no PostgreSQL server (STRIVE_PG_URL is not set)');
  },
};

/**
 * A suite that needs PostgreSQL: skipped with one warning line when `STRIVE_PG_URL` is unset, failed when
 * `STRIVE_REQUIRE_PG=1` and it is unset, or when the server does not answer. Every store lives in its own
 * schema `strive_rel_<random>`, dropped after the suite. Does I/O.
 */
export const describePg = (name: string, body: (ctx: PgContext) => void): void => {
  const url = PG_URL;
  if (url === undefined) {
    if (PG_REQUIRED) {
      describe(name, () => {
        it('has a PostgreSQL server (STRIVE_REQUIRE_PG=1 needs STRIVE_PG_URL)', () => {
          throw new Error('STRIVE_REQUIRE_PG=1 but STRIVE_PG_URL is not set');
        });
      });
      return;
    }
    console.warn(`reliability: STRIVE_PG_URL is not set; "${name}" skipped`);
    describe.skip(name, () => body(noServer));
    return;
  }
  describe(name, () => {
    const opened: PostgresEventStore[] = [];
    beforeAll(async () => {
      const probe = createPostgresEventStore({ connectionString: url, schema: freshSchema() });
      try {
        await probe.pool.query('SELECT 1');
      } catch (e) {
        throw new Error(`PostgreSQL at STRIVE_PG_URL does not answer: ${String(e)}`);
      } finally {
        await probe.close();
      }
    });
    afterAll(async () => {
      for (const s of opened) {
        await s.pool.query(`DROP SCHEMA IF EXISTS ${s.schema} CASCADE`).catch(() => undefined);
        await s.close();
      }
    });
    body({
      url: () => url,
      store: (options = {}) => {
        const s = createPostgresEventStore({
          schema: freshSchema(),
          poolConfig: { options: '-c synchronous_commit=off' },
          ...options,
          connectionString: url,
        });
        opened.push(s);
        return s;
      },
    });
  });
};
