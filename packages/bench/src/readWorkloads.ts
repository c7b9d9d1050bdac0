import * as E from 'fp-ts/lib/Either.js';
import { describeAppendError, type AppendRequest } from '@strive/eventlog';
import { createSqliteEventStore } from '@strive/store-sqlite';
import { commitmentEvent } from './payload.js';
import { openRaw, RAW_COLUMNS } from './rawSqlite.js';

/** What a fold keeps per stream: events seen and the sum of pledge target values. */
export interface Folded {
  count: number;
  sum: number;
}

const targetOf = (data: unknown): number => {
  if (
    typeof data !== 'object' ||
    data === null ||
    !('pledges' in data) ||
    !Array.isArray(data.pledges)
  )
    return 0;
  const pledges: readonly unknown[] = data.pledges;
  let sum = 0;
  for (const p of pledges)
    if (
      typeof p === 'object' &&
      p !== null &&
      'target' in p &&
      typeof p.target === 'object' &&
      p.target !== null &&
      'value' in p.target &&
      typeof p.target.value === 'number'
    )
      sum += p.target.value;
  return sum;
};

const fold = (acc: Map<string, Folded>, streamId: string, data: unknown): void => {
  const f = acc.get(streamId);
  if (f === undefined) acc.set(streamId, { count: 1, sum: targetOf(data) });
  else {
    f.count += 1;
    f.sum += targetOf(data);
  }
};

/** Writes `streams` x `perStream` events, interleaved across streams, through the store. Does I/O. */
export const buildLog = async (path: string, streams: number, perStream: number): Promise<void> => {
  const store = createSqliteEventStore({ path });
  const perRound = Math.max(1, Math.floor(1_000 / streams));
  let n = 0;
  for (let round = 0; round < perStream; round += perRound) {
    const size = Math.min(perRound, perStream - round);
    const requests: AppendRequest[] = Array.from({ length: streams }, (_, s) => ({
      streamId: `stream-${s}`,
      expectedVersion: round,
      events: Array.from({ length: size }, () => commitmentEvent(7, n++)),
    }));
    const r = await store.appendMany(requests);
    if (E.isLeft(r)) throw new Error(describeAppendError(r.left));
  }
  await store.close();
};

/** W3 with Strive: reads one stream through `readStream` and folds it. Does I/O. */
export const striveReadStream = async (
  path: string,
  streamId: string,
): Promise<Map<string, Folded>> => {
  const store = createSqliteEventStore({ path });
  const acc = new Map<string, Folded>();
  for await (const e of store.readStream(streamId, { batchSize: 1_000 }))
    fold(acc, e.streamId, e.data);
  await store.close();
  return acc;
};

/** W4 with Strive: reads the whole log through `readAll` in batches of 1,000, folding per stream. */
export const striveReadAll = async (path: string): Promise<Map<string, Folded>> => {
  const store = createSqliteEventStore({ path });
  const acc = new Map<string, Folded>();
  for await (const e of store.readAll({ batchSize: 1_000 })) fold(acc, e.streamId, e.data);
  await store.close();
  return acc;
};

const rawRead = (
  path: string,
  where: string,
  key: number,
  params: readonly unknown[],
): Map<string, Folded> => {
  const raw = openRaw(path);
  const stmt = raw.db
    .prepare(
      `SELECT ${RAW_COLUMNS} FROM events WHERE ${where} ORDER BY ${where.includes('stream_id') ? 'stream_position' : 'global_position'} LIMIT 1000`,
    )
    .raw(true);
  const acc = new Map<string, Folded>();
  let after = 0;
  for (;;) {
    const rows = stmt.all(...params, after);
    for (const row of rows) {
      if (!Array.isArray(row)) throw new Error('unexpected row');
      const data: unknown = JSON.parse(String(row[6]));
      JSON.parse(String(row[7]));
      fold(acc, String(row[2]), data);
    }
    const lastRow: unknown = rows[rows.length - 1];
    const last: unknown = Array.isArray(lastRow) ? lastRow[key] : undefined;
    if (rows.length < 1_000 || typeof last !== 'number') break;
    after = last;
  }
  raw.close();
  return acc;
};

/** W3 raw: the same stream through keyset batches of 1,000 and JSON.parse. Does I/O. */
export const rawReadStream = (path: string, streamId: string): Map<string, Folded> =>
  rawRead(path, 'stream_id = ? AND stream_position > ?', 3, [streamId]);

/** W4 raw: the whole log through keyset batches of 1,000 and JSON.parse. Does I/O. */
export const rawReadAll = (path: string): Map<string, Folded> =>
  rawRead(path, 'global_position > ?', 0, []);
