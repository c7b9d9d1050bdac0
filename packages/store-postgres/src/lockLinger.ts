import type { PostgresStoreOptions } from './PostgresStoreOptions.js';
import type { LockLinger } from './streamLocks.js';

const msOption = (name: string, given: number | undefined, fallback: number): number => {
  const ms = given ?? fallback;
  if (!Number.isFinite(ms) || ms < 0)
    throw new Error(`createPostgresEventStore: ${name} must be a finite number >= 0 (got ${ms})`);
  return ms;
};

/**
 * How long stream locks outlive their holders: `lockLingerMs` (default 2) and `lockMaxHoldMs`
 * (default 20), checked. Throws on a negative or non-finite number (a bug in the caller). Pure.
 * @example lockLinger({}) // { lingerMs: 2, maxHoldMs: 20 }
 */
export const lockLinger = (options: PostgresStoreOptions): LockLinger => ({
  lingerMs: msOption('lockLingerMs', options.lockLingerMs, 2),
  maxHoldMs: msOption('lockMaxHoldMs', options.lockMaxHoldMs, 20),
});
