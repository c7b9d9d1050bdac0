import { randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Whether CI demands PostgreSQL (`STRIVE_REQUIRE_PG=1`): a missing or unreachable server then fails. */
export const PG_REQUIRED = process.env['STRIVE_REQUIRE_PG'] === '1';

/**
 * The test database URL from `STRIVE_PG_URL`, or `undefined` (PG suites then skip). Warns once per test
 * run (not once per file) that the suites are skipped. For tests only. Does I/O (a marker file).
 */
export const pgTestUrl = (): string | undefined => {
  const url = process.env['STRIVE_PG_URL'];
  if (url !== undefined && url !== '') return url;
  if (PG_REQUIRED) return undefined;
  const marker = join(tmpdir(), `strive-pg-skip-warned-${process.ppid}`);
  const fresh = existsSync(marker) && statSync(marker).mtimeMs > performance.timeOrigin - 60_000;
  if (!fresh) {
    writeFileSync(marker, '');
    console.warn('store-postgres: STRIVE_PG_URL is not set; PostgreSQL suites skipped');
  }
  return undefined;
};

/** A fresh schema name for one suite or test: `strive_test_<random hex>`. For tests only. */
export const freshSchemaName = (): string => `strive_test_${randomBytes(6).toString('hex')}`;

/** Drops test schemas (validated names) and everything in them, in one statement. For tests only. Does I/O. */
export const dropSchemas = async (url: string, schemas: readonly string[]): Promise<void> => {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schemas.join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
};
