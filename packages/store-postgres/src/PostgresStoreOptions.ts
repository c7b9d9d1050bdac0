import type { ValidationOptions } from '@strive/eventlog/adapter';
import type { Pool, PoolClient, PoolConfig } from 'pg';

/** Options of `createPostgresEventStore`: give exactly one of `connectionString` and `pool`. */
export interface PostgresStoreOptions extends ValidationOptions {
  /** e.g. `postgres://user@127.0.0.1:5432/db`; the store then owns its pool and ends it on `close`. */
  readonly connectionString?: string;
  /** A pool the caller owns (and ends); the store never ends it. */
  readonly pool?: Pool;
  /** Size of the pool the store creates from `connectionString` (default 10). */
  readonly poolSize?: number;
  /**
   * Further `pg.Pool` settings for the pool the store creates (e.g. `options`, `ssl`, timeouts). The
   * connect timeout defaults to the URL's `connect_timeout` (seconds), else 5 s (`connectTimeoutMs`).
   */
  readonly poolConfig?: Omit<PoolConfig, 'connectionString' | 'max'>;
  /** The PostgreSQL schema holding the store's tables (default `strive`); created on first use. */
  readonly schema?: string;
  /** Supplies event ids for events that have none (default: UUIDv7). */
  readonly newId?: () => string;
  /** Extra attempts of an append after a broken connection or a serialization failure (default 2). */
  readonly maxRetries?: number;
  /**
   * How long a stream lock (`withStreamLock`) is kept after its holder's function ended, in ms, for
   * this process's next command on the same streams, which then runs without waiting in line again
   * (default 2; 0 releases every lock as its append commits). See `lockMaxHoldMs`.
   */
  readonly lockLingerMs?: number;
  /**
   * How long after its grant a kept stream lock may still be reused, in ms (default 20): past it the
   * lock goes to the next writer in line, so no process keeps a hot stream to itself.
   */
  readonly lockMaxHoldMs?: number;
  /** Delay before the LISTEN connection reconnects after it dropped, in ms (default 200). */
  readonly listenReconnectMs?: number;
  /**
   * Runs inside every writing append transaction just before COMMIT, with the transaction's client
   * (for fault injection in tests, or auditing). Throwing rolls the append back and rejects it.
   */
  readonly beforeCommit?: (client: PoolClient) => Promise<void>;
  /**
   * Read only (default false): never migrates or creates the schema (it must be at this package's
   * latest migration) and, on a pool the store creates, every session is `default_transaction_read_only`,
   * so any write fails at the server.
   */
  readonly readOnly?: boolean;
}
