import type { EventStore } from '@strive/eventlog';
import type { Either } from 'fp-ts/lib/Either.js';

/** One append as the wrapper saw it. */
export interface AppendRecord {
  readonly streams: readonly string[];
  readonly events: number;
  readonly outcome: string;
}

// #region adapter
/**
 * A store adapter that wraps any `EventStore` and reports every append (its streams, its size, and
 * `ok` or the error's `_tag`) to `onAppend`, delegating everything else. Does I/O through `inner`.
 */
export const withAppendLog = (
  inner: EventStore,
  onAppend: (record: AppendRecord) => void,
): EventStore => {
  const report = <E extends { readonly _tag: string }, R>(
    streams: readonly string[],
    events: number,
    result: Either<E, R>,
  ): Either<E, R> => {
    onAppend({ streams, events, outcome: result._tag === 'Right' ? 'ok' : result.left._tag });
    return result;
  };
  return {
    append: async (streamId, events, options) =>
      report([streamId], events.length, await inner.append(streamId, events, options)),
    appendMany: async (requests, options) =>
      report(
        requests.map((r) => r.streamId),
        requests.reduce((n, r) => n + r.events.length, 0),
        await inner.appendMany(requests, options),
      ),
    readStream: (streamId, options) => inner.readStream(streamId, options),
    readAll: (options) => inner.readAll(options),
    readEvent: (eventId) => inner.readEvent(eventId),
    streamVersion: (streamId) => inner.streamVersion(streamId),
    head: () => inner.head(),
    subscribe: (options) => inner.subscribe(options),
    loadSnapshot: (streamId, key) => inner.loadSnapshot(streamId, key),
    saveSnapshot: (snapshot) => inner.saveSnapshot(snapshot),
    readDocument: (projection, key) => inner.readDocument(projection, key),
    readDocuments: (projection) => inner.readDocuments(projection),
    readCheckpoint: (projection) => inner.readCheckpoint(projection),
    commitProjection: (commit) => inner.commitProjection(commit),
    resetProjection: (projection) => inner.resetProjection(projection),
    close: () => inner.close(),
  };
};
// #endregion adapter
