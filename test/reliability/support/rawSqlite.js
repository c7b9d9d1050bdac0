// better-sqlite3, loaded from the SQLite store's own dependencies (the test folder has none of its own),
// for tests that read or edit a store's rows behind its back. Types: rawSqlite.d.ts.
import { createRequire } from 'node:module';
import { URL } from 'node:url';

const require = createRequire(
  new URL('../../../packages/store-sqlite/package.json', import.meta.url),
);
const Database = require('better-sqlite3');

/** Opens a SQLite file with the store's driver, bypassing the store. Does I/O. */
export const openRawSqlite = (path) => new Database(path);
