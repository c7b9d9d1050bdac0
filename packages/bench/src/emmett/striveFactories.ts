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

/** Strive's PostgreSQL store (default pool and schema) on a fresh database. Does I/O. */
export const strivePostgresFactory = (baseUrl: string): SubjectFactory => ({
  name: 'Strive PostgreSQL',
  open: async () => {
    const db = await freshDatabase(baseUrl);
    return striveSubject(createPostgresEventStore({ connectionString: db.url }), db.drop);
  },
});
