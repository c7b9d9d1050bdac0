/**
 * Streams this process recently saw contended (a lost version race, or another writer's events found
 * under the stream's lock), each until `windowMs` after it was last seen so. A command naming one goes
 * straight to the stream's lock instead of first racing on its cached state. At most `capacity` streams
 * are remembered (the least recently marked are forgotten first). Holds state in memory; no I/O.
 */
export interface HotStreams {
  /** Marks a stream contended at `now` (ms). */
  mark(streamId: string, now: number): void;
  /** The streams of `streamIds` still hot at `now`; empty (and cheap) when nothing is hot. */
  among(streamIds: readonly string[], now: number): string[];
}

/**
 * An empty `HotStreams`. Holds state in memory; no I/O.
 * @example const hot = createHotStreams(1_000, 1_000); hot.mark('order-1', now); hot.among(['order-1'], now) // ['order-1']
 */
export const createHotStreams = (windowMs: number, capacity: number): HotStreams => {
  const until = new Map<string, number>();
  return {
    mark: (streamId, now) => {
      until.delete(streamId);
      until.set(streamId, now + windowMs);
      if (until.size > capacity) {
        const oldest = until.keys().next();
        if (oldest.done !== true) until.delete(oldest.value);
      }
    },
    among: (streamIds, now) => {
      if (until.size === 0) return [];
      const hot: string[] = [];
      for (const id of streamIds) {
        const end = until.get(id);
        if (end === undefined) continue;
        if (end > now) hot.push(id);
        else until.delete(id);
      }
      return hot;
    },
  };
};
