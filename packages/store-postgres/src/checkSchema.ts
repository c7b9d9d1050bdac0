import * as t from 'io-ts';
import type { Pool } from 'pg';
import { decodeRows } from './decodeRows.js';
import { MIGRATIONS } from './migrations.js';

const VersionRow = t.strict({ version: t.union([t.number, t.null]) });
const ExistsRow = t.strict({ found: t.union([t.string, t.null]) });

/**
 * For a read-only store: checks schema `schema` holds a Strive store at this package's latest
 * migration, without creating or migrating anything. Throws an error saying what to do otherwise.
 * Does I/O (reads only).
 */
export const checkSchema = async (pool: Pool, schema: string): Promise<void> => {
  const exists = await pool.query(`SELECT to_regclass($1)::text AS found`, [
    `${schema}.schema_migrations`,
  ]);
  if (decodeRows(ExistsRow, exists.rows, 'to_regclass')[0]?.found == null)
    throw new Error(
      `no Strive event store in schema ${schema} (no schema_migrations table); a read-only open creates nothing`,
    );
  const res = await pool.query(`SELECT max(version) AS version FROM ${schema}.schema_migrations`);
  const found = decodeRows(VersionRow, res.rows, 'schema_migrations')[0]?.version ?? 0;
  const latest = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
  if (found > latest)
    throw new Error(
      `store-postgres: schema ${schema} is at migration ${found}, newer than this package's ${latest}; upgrade @strive/store-postgres`,
    );
  if (found < latest)
    throw new Error(
      `schema ${schema} is at migration ${found}, older than this package's ${latest}, and a read-only open never migrates: open it once for writing to upgrade it`,
    );
};
