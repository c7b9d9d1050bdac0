import { acquireLease, type Lease, type LeaseHost } from './acquireLease.js';

/** Options of `postgresLeases`. */
export interface PostgresLeasesOptions {
  /** Who asks: unique per process (e.g. host, pid and a random suffix). */
  readonly owner: string;
  /** Lease length in ms (default 5,000). */
  readonly leaseMs?: number;
}

/** Leases by name for workers that take them one name at a time (reactors, relays). */
export interface PostgresLeases {
  readonly acquire: (name: string) => Promise<Lease | undefined>;
  readonly leaseMs: number;
}

/**
 * The projection workers' leases (`acquireLease`) for any named worker: `runReactor`'s `leases` and the
 * NATS relay's take it, so one process at a time works per name and another takes over within
 * `leaseMs` of a crash. Does I/O when `acquire` is called.
 * @example runReactor({ engine, store, reactor, leases: postgresLeases(store, { owner: `${host}:${pid}` }) });
 */
export const postgresLeases = (host: LeaseHost, options: PostgresLeasesOptions): PostgresLeases => {
  const leaseMs = options.leaseMs ?? 5000;
  return {
    leaseMs,
    acquire: (name) => acquireLease(host, { projection: name, owner: options.owner, leaseMs }),
  };
};
