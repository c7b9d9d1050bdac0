import type { EventLog } from '@strive/eventlog';

/** One append as the wrapper saw it. */
export interface AppendRecord {
  readonly streams: readonly string[];
  readonly events: number;
  readonly outcome: string;
}

// #region adapter
/**
 * A decorator over any `EventLog` that reports every append (its streams, its size, and `ok` or the
 * error's `_tag`) to `onAppend`, delegating the other seven methods. Snapshots and projection
 * documents are separate capabilities: pass the inner store's to `createEngine`. Does I/O through `inner`.
 */
export const withAppendLog = (
  inner: EventLog,
  onAppend: (record: AppendRecord) => void,
): EventLog => ({
  appendMany: async (requests, options) => {
    const result = await inner.appendMany(requests, options);
    onAppend({
      streams: requests.map((r) => r.streamId),
      events: requests.reduce((n, r) => n + r.events.length, 0),
      outcome: result._tag === 'Right' ? 'ok' : result.left._tag,
    });
    return result;
  },
  readStream: (streamId, options) => inner.readStream(streamId, options),
  readAll: (options) => inner.readAll(options),
  readEvent: (eventId) => inner.readEvent(eventId),
  streamVersion: (streamId) => inner.streamVersion(streamId),
  head: () => inner.head(),
  subscribe: (options) => inner.subscribe(options),
  close: () => inner.close(),
});
// #endregion adapter
