import {
  getSQLiteEventStore,
  readMessagesBatch,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import { READ_BATCH, type SubjectFactory } from './BenchSubject.js';
import { toEmmett } from './emmettEvent.js';

/**
 * Emmett 0.42's SQLite event store (`@event-driven-io/emmett-sqlite`, on the `sqlite3` module) as a
 * bench subject: one shared connection (`connectionOptions.singleton`), WAL (Emmett's default) and
 * `synchronous = NORMAL` like Strive's store, the schema migrated before timing. Reads use its public
 * `readStream` (by position ranges of 1,000), `readMessagesBatch` (batches of 1,000) and
 * `aggregateStream`. Does I/O.
 */
export const emmettSqliteFactory = (fresh: () => string): SubjectFactory => ({
  name: 'Emmett 0.42 SQLite',
  open: async () => {
    const fileName = fresh();
    const connection = sqliteConnection({ fileName });
    await connection.command('PRAGMA synchronous = NORMAL');
    const store = getSQLiteEventStore({
      fileName,
      connectionOptions: { singleton: true, connection },
      schema: { autoMigration: 'CreateOrUpdate' },
    });
    await store.schema.migrate();
    return {
      append: async (streamId, events, expectedVersion) => {
        const r = await store.appendToStream(streamId, events.map(toEmmett), {
          expectedStreamVersion: BigInt(expectedVersion),
        });
        return Number(r.nextExpectedStreamVersion);
      },
      foldStream: async (streamId, fold) => {
        for (let from = 1; ; from += READ_BATCH) {
          const r = await store.readStream(streamId, {
            from: BigInt(from),
            to: BigInt(from + READ_BATCH - 1),
          });
          for (const e of r.events) fold(Number(e.metadata.streamPosition), e.data);
          if (r.events.length < READ_BATCH) return;
        }
      },
      foldAll: async (fold) => {
        let after = 0n;
        for (;;) {
          const r = await readMessagesBatch(connection, { after, batchSize: READ_BATCH });
          for (const m of r.messages) fold(m.metadata.streamName, m.data);
          after = r.currentGlobalPosition;
          if (!r.areEventsLeft) return;
        }
      },
      load: async (streamId, fold) => {
        await store.aggregateStream(streamId, {
          initialState: () => 0,
          evolve: (n: number, e: { data: unknown; metadata: { streamPosition: bigint } }) => {
            fold(Number(e.metadata.streamPosition), e.data);
            return n + 1;
          },
        });
      },
      close: () => {
        connection.close();
        return Promise.resolve();
      },
    };
  },
});
