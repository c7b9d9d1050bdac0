import type { Pool } from 'pg';
import { MIGRATIONS } from './migrations.js';

/**
 * Creates schema `s` as a store of an older release left it: migrations 1 to `version` applied and
 * recorded, nothing newer (for upgrade tests). Does I/O.
 */
export const schemaAt = async (pool: Pool, s: string, version: number): Promise<void> => {
  await pool.query(`CREATE SCHEMA ${s}; CREATE TABLE ${s}.schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    await pool.query(m.sql(s));
    await pool.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [
      m.version,
      m.name,
    ]);
  }
};
