/**
 * Commands of one process that take turns on streams: `run(ids, fn)` starts `fn` once every earlier
 * run naming any of `ids` has settled (a FIFO per stream, entered in sorted id order so two runs cannot
 * wait for each other). The engine runs a command's retries there, so one process never races itself
 * on a stream it has just lost a race on. Holds state in memory; no I/O.
 */
export interface StreamQueue {
  run<T>(streamIds: readonly string[], fn: () => Promise<T>): Promise<T>;
  /** How many runs are waiting for or holding a stream right now. */
  queued(streamId: string): number;
}

/**
 * An empty `StreamQueue`. Holds state in memory; no I/O.
 * @example const queue = createStreamQueue(); await queue.run(['order-1'], () => retry());
 */
export const createStreamQueue = (): StreamQueue => {
  const tails = new Map<string, { done: Promise<void>; count: number }>();
  const enter = async (streamId: string): Promise<() => void> => {
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = tails.get(streamId);
    const entry = { done: mine, count: (before?.count ?? 0) + 1 };
    tails.set(streamId, entry);
    if (before !== undefined) await before.done;
    return () => {
      const now = tails.get(streamId);
      if (now === entry) tails.delete(streamId);
      else if (now !== undefined) now.count -= 1;
      release();
    };
  };
  return {
    run: async (streamIds, fn) => {
      const leave: Array<() => void> = [];
      try {
        for (const id of [...new Set(streamIds)].sort()) leave.push(await enter(id));
        return await fn();
      } finally {
        for (const l of leave.reverse()) l();
      }
    },
    queued: (streamId) => tails.get(streamId)?.count ?? 0,
  };
};
