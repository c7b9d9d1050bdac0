import { afterEach } from 'vitest';
import { createSqliteEventStore, type SqliteEventStore } from '../index.js';

/**
 * For a test file: opens in-memory SQLite stores on demand and closes them after each test. Call it at
 * the top of the file. Does I/O.
 * @example const open = memoryStores(); it('…', () => { const store = open(); … });
 */
export const memoryStores = (): (() => SqliteEventStore) => {
  const stores: SqliteEventStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });
  return () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    stores.push(store);
    return store;
  };
};
