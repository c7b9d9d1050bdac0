import * as E from 'fp-ts/lib/Either.js';
import { appendToStream, describeAppendError, type EventStore } from '@strive/eventlog';
import { READ_BATCH, type BenchSubject } from './BenchSubject.js';

/** Strive's `EventStore` port (SQLite or PostgreSQL) as a bench subject. Does I/O through `store`. */
export const striveSubject = (
  store: EventStore,
  onClose: () => Promise<void> = () => Promise.resolve(),
): BenchSubject => ({
  append: async (streamId, events, expectedVersion) => {
    const r = await appendToStream(store, streamId, events, { expectedVersion });
    if (E.isLeft(r)) throw new Error(describeAppendError(r.left));
    return r.right.streamVersion;
  },
  foldStream: async (streamId, fold) => {
    for await (const e of store.readStream(streamId, { batchSize: READ_BATCH }))
      fold(e.streamPosition, e.data);
  },
  foldAll: async (fold) => {
    for await (const e of store.readAll({ batchSize: READ_BATCH })) fold(e.streamId, e.data);
  },
  load: async (streamId, fold) => {
    for await (const e of store.readStream(streamId)) fold(e.streamPosition, e.data);
  },
  close: async () => {
    await store.close();
    await onClose();
  },
});
