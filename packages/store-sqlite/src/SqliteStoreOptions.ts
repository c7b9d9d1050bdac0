import { DEFAULT_MAX_EVENT_BYTES, newEventId } from '@strive/eventlog/adapter';
import type { CheckpointMode } from './walCheckpointer.js';

/** How hard a commit waits for the disk. See the package README for the trade-off. */
export type Durability = 'NORMAL' | 'FULL';

/** Options of `createSqliteEventStore`. */
export interface SqliteStoreOptions {
  /** A file path (created if missing) or `':memory:'` for a private in-memory database. */
  readonly path: string;
  /**
   * `PRAGMA synchronous`. `NORMAL` (default): in WAL mode a commit survives a crash of the process
   * but the last commits may be lost on power failure or OS crash (the log stays consistent).
   * `FULL`: every commit is fsynced before `append` resolves, so it survives power loss too; slower.
   */
  readonly synchronous?: Durability;
  /** How long SQLite itself waits for another process's write lock per attempt (default 5,000 ms). */
  readonly busyTimeoutMs?: number;
  /** Further attempts, after a jittered pause, when the lock stays busy (default 8). */
  readonly maxRetries?: number;
  /** Largest canonical data + metadata of one event, in UTF-8 bytes (default 1 MiB). */
  readonly maxEventBytes?: number;
  /** Supplies ids for events written without one (default: UUIDv7). */
  readonly newId?: () => string;
  /**
   * Where WAL checkpoints run: `background` (default) in a worker thread once the WAL passes 4 MiB,
   * so appends do not stall on them; `inline` leaves them to SQLite, inside the commit that crosses
   * 1,000 pages. Same durability either way.
   */
  readonly checkpoint?: CheckpointMode;
  /**
   * Open an existing store for reading only (default false): the file must exist and hold a Strive
   * store at a schema this release reads (this one's or, unmigrated, version 2); nothing is created,
   * migrated or changed (not even the journal mode), and every write fails. See the package README for read-only files and directories.
   */
  readonly readOnly?: boolean;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly path: string;
  readonly synchronous: Durability;
  readonly busyTimeoutMs: number;
  readonly maxRetries: number;
  readonly maxEventBytes: number;
  readonly newId: () => string;
  readonly checkpoint: CheckpointMode;
  readonly readOnly: boolean;
}

const nonNegativeInt = (u: unknown, name: string, max: number): number => {
  if (typeof u !== 'number' || !Number.isSafeInteger(u) || u < 0 || u > max)
    throw new TypeError(`createSqliteEventStore: ${name} must be an integer from 0 to ${max}`);
  return u;
};

/**
 * Checks the options a program passes and fills in defaults. Pure. Throws a `TypeError` that says
 * which option is wrong: options come from code, so a bad one is a programmer error.
 */
export const resolveOptions = (options: SqliteStoreOptions): ResolvedOptions => {
  const o: unknown = options;
  if (typeof o !== 'object' || o === null)
    throw new TypeError('createSqliteEventStore: pass an options object such as { path: "x.db" }');
  const { path, synchronous = 'NORMAL', newId = newEventId } = options;
  if (typeof path !== 'string' || path === '' || path.includes('\0'))
    throw new TypeError('createSqliteEventStore: path must be a file path or ":memory:"');
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL')
    throw new TypeError('createSqliteEventStore: synchronous must be "NORMAL" or "FULL"');
  const checkpoint = options.checkpoint ?? 'background';
  if (checkpoint !== 'background' && checkpoint !== 'inline')
    throw new TypeError('createSqliteEventStore: checkpoint must be "background" or "inline"');
  const readOnly = options.readOnly ?? false;
  if (typeof readOnly !== 'boolean')
    throw new TypeError('createSqliteEventStore: readOnly must be true or false');
  if (readOnly && path === ':memory:')
    throw new TypeError('createSqliteEventStore: a read-only store needs a file path');
  if (typeof newId !== 'function')
    throw new TypeError('createSqliteEventStore: newId must be a function returning a UUID');
  const maxEventBytes = nonNegativeInt(
    options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    'maxEventBytes',
    512 * 1024 * 1024,
  );
  if (maxEventBytes === 0) throw new TypeError('createSqliteEventStore: maxEventBytes must be > 0');
  return {
    path,
    synchronous,
    busyTimeoutMs: nonNegativeInt(options.busyTimeoutMs ?? 5_000, 'busyTimeoutMs', 2_147_483_647),
    maxRetries: nonNegativeInt(options.maxRetries ?? 8, 'maxRetries', 1_000),
    maxEventBytes,
    newId,
    // A read-only connection never writes, so it never checkpoints either.
    checkpoint: readOnly ? 'inline' : checkpoint,
    readOnly,
  };
};
