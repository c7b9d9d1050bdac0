import Database from 'better-sqlite3';
import type { StoreUnavailable } from '@strive/eventlog';
import { storeUnavailable } from '@strive/eventlog/adapter';

const UNAVAILABLE = /^SQLITE_(IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PERM|NOMEM|AUTH)/;

/**
 * Maps a SQLite error that means "the store cannot do its job right now" (disk full, I/O error,
 * read-only or corrupt file...) to a `StoreUnavailable` value; `undefined` for anything else, which
 * the caller rethrows. Pure.
 */
export const storeFailure = (e: unknown): StoreUnavailable | undefined =>
  e instanceof Database.SqliteError && UNAVAILABLE.test(e.code)
    ? storeUnavailable(`${e.code}: ${e.message}; nothing was written`)
    : undefined;
