import type { Pool } from 'pg';
import * as t from 'io-ts';
import { checkout } from './checkout.js';
import { MIGRATIONS } from './migrations.js';
import { isConnectionError } from './pgErrors.js';
import { decodeRows } from './decodeRows.js';

const VersionRow = t.strict({ version: t.union([t.number, t.null]) });

/**
 * Brings schema `schema` (validated) up to the latest migration and returns its version. Runs in one
 * transaction under a transaction-scoped advisory lock keyed by the schema name, so concurrent first
 * uses from several processes wait for each other and each step runs exactly once. Does I/O.
 * @example await migrate(pool, 'strive') // 3
 */
export const migrate = async (pool: Pool, schema: string): Promise<number> => {
  const { client, release } = await checkout(pool);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`strive-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const res = await client.query(
      `SELECT max(version) AS version FROM ${schema}.schema_migrations`,
    );
    const current = decodeRows(VersionRow, res.rows, 'schema_migrations')[0]?.version ?? 0;
    const latest = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
    if (current > latest)
      throw new Error(
        `store-postgres: schema ${schema} is at migration ${current}, newer than this package's ${latest}; upgrade @strive/store-postgres`,
      );
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql(schema));
      await client.query(
        `INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, $2)`,
        [m.version, m.name],
      );
    }
    await client.query('COMMIT');
    return latest;
  } catch (error) {
    if (isConnectionError(error))
      broken = error instanceof Error ? error : new Error(String(error));
    else await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    release(broken);
  }
};
