import { performance } from 'node:perf_hooks';
import type { StoredEvent } from '@strive/eventlog';
import type { PostgresEventStore } from '@strive/store-postgres';

/** What `countedStore` counts: lost races, lock waits, and where the time under a lock goes. */
export interface LockProfile {
  lostRaces: number;
  lockWaits: number;
  waitMs: number;
  holdMs: number;
  heldReadMs: number;
  heldAppendMs: number;
  heldLookupMs: number;
}

/** A profile with nothing counted yet. Pure. */
export const emptyLockProfile = (): LockProfile => ({
  lostRaces: 0,
  lockWaits: 0,
  waitMs: 0,
  holdMs: 0,
  heldReadMs: 0,
  heldAppendMs: 0,
  heldLookupMs: 0,
});

/**
 * `store` with counters: appends refused for a stale version, `withStreamLock` calls (waiting and
 * holding ms), and the ms of stream reads, appends and event look-ups made while this process holds
 * a stream lock (the engine's load, append and command-id look-up under it). Does I/O (the store's).
 */
export const countedStore = (
  store: PostgresEventStore,
): { store: PostgresEventStore; profile: LockProfile } => {
  const p = emptyLockProfile();
  let held = 0;
  const timed = async <T>(work: Promise<T>, add: (ms: number) => void): Promise<T> => {
    const from = performance.now();
    const inLock = held > 0;
    try {
      return await work;
    } finally {
      if (inLock) add(performance.now() - from);
    }
  };
  async function* timedRead(events: AsyncIterable<StoredEvent>): AsyncGenerator<StoredEvent> {
    const inLock = held > 0;
    let from = performance.now();
    for await (const e of events) {
      if (inLock) p.heldReadMs += performance.now() - from;
      yield e;
      from = performance.now();
    }
    if (inLock) p.heldReadMs += performance.now() - from;
  }
  const counted: PostgresEventStore = {
    ...store,
    appendMany: async (requests, options) => {
      const r = await timed(store.appendMany(requests, options), (ms) => (p.heldAppendMs += ms));
      if (r._tag === 'Left' && r.left._tag === 'ConcurrencyConflict') p.lostRaces += 1;
      return r;
    },
    readStream: (streamId, options) => timedRead(store.readStream(streamId, options)),
    readEvent: (eventId) => timed(store.readEvent(eventId), (ms) => (p.heldLookupMs += ms)),
    streamVersion: (streamId) => timed(store.streamVersion(streamId), (ms) => (p.heldReadMs += ms)),
    // Held from the grant until the lock's transaction has ended (COMMIT included).
    withStreamLock: async (ids, timeoutMs, fn, readAhead) => {
      p.lockWaits += 1;
      const asked = performance.now();
      let granted: number | undefined;
      try {
        return await store.withStreamLock(
          ids,
          timeoutMs,
          async () => {
            granted = performance.now();
            p.waitMs += granted - asked;
            held += 1;
            try {
              return await fn();
            } finally {
              held -= 1;
            }
          },
          readAhead,
        );
      } finally {
        if (granted !== undefined) p.holdMs += performance.now() - granted;
      }
    },
  };
  return { store: counted, profile: p };
};
