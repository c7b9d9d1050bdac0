import pg, { type CustomTypesConfig } from 'pg';
import { createPostgresEventStore } from '@strive/store-postgres';
import { createSqliteEventStore } from '@strive/store-sqlite';
import type { SubjectFactory } from './BenchSubject.js';
import { freshDatabase } from './freshDatabase.js';
import { striveSubject } from './striveSubject.js';

/** Strive's SQLite store (WAL, synchronous=NORMAL: its defaults) on a fresh file. Does I/O. */
export const striveSqliteFactory = (fresh: () => string): SubjectFactory => ({
  name: 'Strive SQLite',
  open: () => Promise.resolve(striveSubject(createSqliteEventStore({ path: fresh() }))),
});

/*
 * node-postgres's own parsers of int8, json and jsonb, captured when this module loads: Emmett's dumbo
 * replaces them process-wide (`pg.types.setTypeParser`: int8 -> BigInt, json -> parsed) as soon as it
 * opens a pool, which makes Strive's store refuse its own rows as malformed in the same process.
 */
type Parser = (value: string) => unknown;
const parserOf = (oid: number, format?: 'text' | 'binary'): Parser => {
  const p: unknown = pg.types.getTypeParser(oid, format);
  if (typeof p !== 'function') throw new Error(`pg has no parser for type ${oid}`);
  return (value) => {
    const parsed: unknown = Reflect.apply(p, undefined, [value]);
    return parsed;
  };
};
const PRISTINE = new Map([20, 114, 3802].map((oid) => [oid, parserOf(oid, 'text')]));
const pristineTypes: CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    (format !== 'binary' ? PRISTINE.get(oid) : undefined) ?? parserOf(oid, format),
};

/**
 * Strive's PostgreSQL store (default pool size and schema, node-postgres's default type parsers) on a
 * fresh database. Does I/O.
 */
export const strivePostgresFactory = (baseUrl: string): SubjectFactory => ({
  name: 'Strive PostgreSQL',
  open: async () => {
    const db = await freshDatabase(baseUrl);
    return striveSubject(
      createPostgresEventStore({ connectionString: db.url, poolConfig: { types: pristineTypes } }),
      db.drop,
    );
  },
});
