import * as E from 'fp-ts/lib/Either.js';
import { appendToStream, describeAppendError, type NewEvent } from '@strive/eventlog';
import { createSqliteEventStore } from '@strive/store-sqlite';
import { commitmentEvent } from './payload.js';
import { openRaw } from './rawSqlite.js';

/** The shape of a write workload: how many streams, events and events per call. */
export interface WriteShape {
  readonly streams: number;
  readonly events: number;
  readonly perCall: number;
}

/** W1: single-event appends with expected version, 1,000 streams x 50 events, round-robin. */
export const W1: WriteShape = { streams: 1_000, events: 50_000, perCall: 1 };
/** W2: batched appends, 100 events per call, 100,000 events over 100 streams. */
export const W2: WriteShape = { streams: 100, events: 100_000, perCall: 100 };

/** The calls of a write workload: call `c` goes to stream `c % streams`. Pure. */
export const writeCalls = (shape: WriteShape, salt: number): readonly (readonly NewEvent[])[] => {
  const calls: NewEvent[][] = [];
  for (let n = 0; n < shape.events; n += shape.perCall)
    calls.push(
      Array.from({ length: Math.min(shape.perCall, shape.events - n) }, (_, i) =>
        commitmentEvent(salt, n + i),
      ),
    );
  return calls;
};

/** Appends every call through Strive's SQLite store, each with its exact expected version. Does I/O. */
export const striveWrite = async (
  path: string,
  shape: WriteShape,
  calls: readonly (readonly NewEvent[])[],
): Promise<void> => {
  const store = createSqliteEventStore({ path });
  const versions = new Array<number>(shape.streams).fill(0);
  for (const [c, events] of calls.entries()) {
    const s = c % shape.streams;
    const r = await appendToStream(store, `stream-${s}`, events, {
      expectedVersion: versions[s] ?? 0,
    });
    if (E.isLeft(r)) throw new Error(describeAppendError(r.left));
    versions[s] = r.right.streamVersion;
  }
  await store.close();
};

const HASH = 'a'.repeat(64);

/**
 * The same rows through raw better-sqlite3: one transaction per call, data and metadata serialised
 * with JSON.stringify, no validation, canonical JSON or hash chain (hash columns hold a constant).
 * Does I/O.
 */
export const rawWrite = (
  path: string,
  shape: WriteShape,
  calls: readonly (readonly NewEvent[])[],
): void => {
  const raw = openRaw(path);
  const versions = new Array<number>(shape.streams).fill(0);
  let global = 0;
  const insertCall = raw.db.transaction(
    (streamId: string, s: number, events: readonly NewEvent[]) => {
      let v = versions[s] ?? 0;
      for (const e of events) {
        v += 1;
        global += 1;
        raw.insert.run(
          global,
          e.eventId,
          streamId,
          v,
          e.type,
          1,
          JSON.stringify(e.data),
          JSON.stringify(e.metadata),
          HASH,
          HASH,
        );
      }
      versions[s] = v;
    },
  );
  for (const [c, events] of calls.entries()) {
    const s = c % shape.streams;
    insertCall(`stream-${s}`, s, events);
  }
  raw.close();
};
