import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { READ_BATCH, type SubjectFactory } from './BenchSubject.js';
import { toEmmett } from './emmettEvent.js';
import { freshDatabase } from './freshDatabase.js';

/**
 * Emmett 0.42's PostgreSQL event store (`@event-driven-io/emmett-postgresql`) as a bench subject, on a
 * fresh database per open, on one dumbo pool (its default pooled connection) that its public
 * `readMessagesBatch` also uses for whole-log reads (batches of 1,000); the schema migrated before
 * timing. Does I/O.
 */
export const emmettPostgresFactory = (baseUrl: string): SubjectFactory => ({
  name: 'Emmett 0.42 PostgreSQL',
  open: async () => {
    const db = await freshDatabase(baseUrl);
    const pool = dumbo({ connectionString: db.url });
    const store = getPostgreSQLEventStore(db.url, { connectionOptions: { dumbo: pool } });
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
          const r = await readMessagesBatch(pool.execute, { after, batchSize: READ_BATCH });
          for (const m of r.messages) fold(m.metadata.streamName, m.data);
          after = r.currentGlobalPosition;
          if (!r.areMessagesLeft) return;
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
      close: async () => {
        await store.close();
        await pool.close();
        await db.drop();
      },
    };
  },
});
