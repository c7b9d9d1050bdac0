import type { LogHead } from '@strive/eventlog';
import type { AppendSnapshot, PreparedRequest } from '@strive/eventlog/adapter';

const MAX_STREAMS = 10_000;

/**
 * What a store last saw of the log: the head and recent stream versions. Appends plan against it
 * first and `append_events` checks the guess under the head lock, so a stale cache costs one more
 * round trip, never a wrong write.
 */
export interface AppendCache {
  /** The snapshot to try first: no stored ids, the cached head, versions guessed per request. */
  readonly guess: (requests: readonly PreparedRequest[]) => AppendSnapshot;
  /** Records a head and versions that the database reported or that an append wrote. */
  readonly learn: (head: LogHead, versions: Iterable<readonly [string, number]>) => void;
}

/**
 * A per-store cache (bounded: forgets all stream versions past 10,000 streams). A numeric expected
 * version is its own guess, `no-stream` guesses 0, `any`/`exists` use the cached version. Pure
 * (in-memory state only).
 */
export const createAppendCache = (genesis: LogHead): AppendCache => {
  let head = genesis;
  const versions = new Map<string, number>();
  return {
    guess: (requests) => {
      const guessed = new Map<string, number>();
      for (const r of requests) {
        const e = r.expectedVersion;
        if (guessed.has(r.streamId)) continue; // a later append to the same stream runs after the first
        guessed.set(
          r.streamId,
          typeof e === 'number' ? e : e === 'no-stream' ? 0 : (versions.get(r.streamId) ?? 0),
        );
      }
      return { head, versions: guessed, existing: new Map() };
    },
    learn: (next, streams) => {
      if (next.globalPosition >= head.globalPosition) head = next;
      for (const [id, v] of streams) {
        if (versions.size >= MAX_STREAMS && !versions.has(id)) versions.clear();
        versions.set(id, v);
      }
    },
  };
};
