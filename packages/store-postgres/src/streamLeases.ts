import type { PoolClient } from 'pg';

/**
 * Stream locks this process holds at session level on `client` (granted at `grantedAt`, ms of
 * `performance.now()`), kept after their holder's function ended so that its next locked command on
 * the same streams runs without waiting in line again.
 */
export interface Lease {
  /** The sorted lock keys, joined: the streams a later call must name to reuse the lease. */
  readonly key: string;
  readonly keys: readonly bigint[];
  readonly client: PoolClient;
  readonly grantedAt: number;
  /** Frees the connection's place among the store's lockers. */
  readonly freeSlot: () => void;
}

/** The idle leases of one store. */
export interface Leases {
  /** The idle lease of exactly `key`, taken out, if it was granted under `maxHoldMs` before `now`. */
  take(key: string, now: number): Lease | undefined;
  /** Keeps `lease` idle for `lingerMs`; lets it go at once past `maxHoldMs` or once closed. */
  park(lease: Lease, now: number): void;
  /** Lets go of the idle leases holding one of `keys` (before this process asks for them again). */
  dropOverlapping(keys: readonly bigint[]): Promise<void>;
  /** Lets go of every idle lease and waits for all letting go; later leases go at once. */
  close(): Promise<void>;
}

/**
 * Unlocks the session's advisory locks and returns the connection to the pool; a failed unlock
 * destroys the connection instead (the server then drops its locks). Does I/O.
 */
export const letGo = async (lease: Lease): Promise<void> => {
  let broken: unknown;
  await lease.client.query('SELECT pg_advisory_unlock_all()').catch((e: unknown) => (broken = e));
  lease.client.release(broken === undefined ? undefined : true);
  lease.freeSlot();
};

/**
 * The idle leases of a store: each kept `lingerMs` after its holder's function ended, and never
 * reused past `maxHoldMs` after its grant, so a busy process lets the other writers in line have
 * their turn. Holds timers and connections; `close` lets go of them. Does I/O.
 */
export const createLeases = (lingerMs: number, maxHoldMs: number): Leases => {
  const idle = new Map<string, { readonly lease: Lease; readonly timer: NodeJS.Timeout }>();
  const going = new Set<Promise<void>>();
  let closed = false;
  const release = (lease: Lease): Promise<void> => {
    const p = letGo(lease).finally(() => going.delete(p));
    going.add(p);
    return p;
  };
  const untake = (key: string): Lease | undefined => {
    const entry = idle.get(key);
    if (entry === undefined) return undefined;
    idle.delete(key);
    clearTimeout(entry.timer);
    return entry.lease;
  };
  return {
    take: (key, now) => {
      const lease = untake(key);
      if (lease === undefined || now - lease.grantedAt < maxHoldMs) return lease;
      void release(lease);
      return undefined;
    },
    park: (lease, now) => {
      if (closed || now - lease.grantedAt >= maxHoldMs || idle.has(lease.key)) {
        void release(lease);
        return;
      }
      const timer = setTimeout(() => {
        if (idle.get(lease.key)?.lease === lease && untake(lease.key) !== undefined)
          void release(lease);
      }, lingerMs);
      timer.unref();
      idle.set(lease.key, { lease, timer });
    },
    dropOverlapping: async (keys) => {
      const wanted = new Set(keys);
      const overlapping = [...idle.values()]
        .filter((e) => e.lease.keys.some((k) => wanted.has(k)))
        .flatMap((e) => untake(e.lease.key) ?? []);
      await Promise.all(overlapping.map(release));
    },
    close: async () => {
      closed = true;
      for (const key of [...idle.keys()]) {
        const lease = untake(key);
        if (lease !== undefined) void release(lease);
      }
      await Promise.all([...going]);
    },
  };
};
