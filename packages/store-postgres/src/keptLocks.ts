import type { PoolClient } from 'pg';

/**
 * Stream locks this process holds at session level on `client` (granted at `grantedAt`, ms of
 * `performance.now()`), kept after their holder's function ended so that its next locked command on
 * the same streams runs without waiting in line again.
 */
export interface KeptLock {
  /** The sorted lock keys, joined: the streams a later call must name to reuse it. */
  readonly key: string;
  readonly keys: readonly bigint[];
  readonly client: PoolClient;
  readonly grantedAt: number;
  /** Frees the connection's place among the store's lockers. */
  readonly freeSlot: () => void;
}

/** The idle kept locks of one store. */
export interface KeptLocks {
  /** The kept lock of exactly `key`, taken out, if it was granted under `maxHoldMs` before `now`. */
  take(key: string, now: number): KeptLock | undefined;
  /** Keeps `held` idle for `lingerMs`; lets it go at once past `maxHoldMs` or once closed. */
  park(held: KeptLock, now: number): void;
  /** Lets go of the idle kept locks holding one of `keys` (before this process asks for them again). */
  dropOverlapping(keys: readonly bigint[]): Promise<void>;
  /** Lets go of every idle kept lock and waits for all letting go; later ones go at once. */
  close(): Promise<void>;
}

/**
 * Unlocks the session's advisory locks and returns the connection to the pool; a failed unlock
 * destroys the connection instead (the server then drops its locks). Does I/O.
 */
export const letGo = async (held: KeptLock): Promise<void> => {
  let broken: unknown;
  await held.client.query('SELECT pg_advisory_unlock_all()').catch((e: unknown) => (broken = e));
  held.client.release(broken === undefined ? undefined : true);
  held.freeSlot();
};

/**
 * The idle kept locks of a store: each kept `lingerMs` after its holder's function ended, and never
 * reused past `maxHoldMs` after its grant, so a busy process lets the other writers in line have
 * their turn. Holds timers and connections; `close` lets go of them. Does I/O.
 */
export const createKeptLocks = (lingerMs: number, maxHoldMs: number): KeptLocks => {
  const idle = new Map<string, { readonly held: KeptLock; readonly timer: NodeJS.Timeout }>();
  const going = new Set<Promise<void>>();
  let closed = false;
  const release = (held: KeptLock): Promise<void> => {
    const p = letGo(held).finally(() => going.delete(p));
    going.add(p);
    return p;
  };
  const untake = (key: string): KeptLock | undefined => {
    const entry = idle.get(key);
    if (entry === undefined) return undefined;
    idle.delete(key);
    clearTimeout(entry.timer);
    return entry.held;
  };
  return {
    take: (key, now) => {
      const held = untake(key);
      if (held === undefined || now - held.grantedAt < maxHoldMs) return held;
      void release(held);
      return undefined;
    },
    park: (held, now) => {
      if (closed || now - held.grantedAt >= maxHoldMs || idle.has(held.key)) {
        void release(held);
        return;
      }
      const timer = setTimeout(() => {
        if (idle.get(held.key)?.held === held && untake(held.key) !== undefined) void release(held);
      }, lingerMs);
      timer.unref();
      idle.set(held.key, { held, timer });
    },
    dropOverlapping: async (keys) => {
      const wanted = new Set(keys);
      const overlapping = [...idle.values()]
        .filter((e) => e.held.keys.some((k) => wanted.has(k)))
        .flatMap((e) => untake(e.held.key) ?? []);
      await Promise.all(overlapping.map(release));
    },
    close: async () => {
      closed = true;
      for (const key of [...idle.keys()]) {
        const held = untake(key);
        if (held !== undefined) void release(held);
      }
      await Promise.all([...going]);
    },
  };
};
