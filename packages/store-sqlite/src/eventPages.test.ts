import { appendToStream, type StoredEvent } from '@strive/eventlog';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';
import { commitment, tempDir } from './testSupport/fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A store holding `n` events of one stream, with `tamper` run on a raw connection first. */
const storeOf = async (
  n: number,
  tamper: (db: Database.Database) => void = () => undefined,
): Promise<SqliteEventStore> => {
  const t = tempDir();
  cleanups.push(t.remove);
  const writer = createSqliteEventStore({ path: t.file });
  for (let i = 1; i <= n; i++)
    await appendToStream(writer, 's', [commitment(i)], { expectedVersion: i - 1 });
  await writer.close();
  const db = new Database(t.file);
  tamper(db);
  db.close();
  const store = createSqliteEventStore({ path: t.file });
  cleanups.push(() => store.close());
  return store;
};

describe('reads served in batches (eventPages)', () => {
  it('delivers the rows before a corrupt one, then fails once, then is done', async () => {
    const store = await storeOf(5, (db) => {
      db.prepare("UPDATE events SET data = '{' WHERE global_position = 4").run();
    });
    for (const read of [
      () => store.readAll({ batchSize: 2 }),
      () => store.readStream('s', { batchSize: 2 }),
    ]) {
      const it = read()[Symbol.asyncIterator]();
      const seen: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await it.next();
        if (r.done !== true) seen.push(r.value.globalPosition);
      }
      expect(seen).toEqual([1, 2, 3]);
      await expect(it.next()).rejects.toThrow(/global_position 4 is corrupt/);
      expect(await it.next()).toEqual({ done: true, value: undefined });
    }
  });

  it('rejects a bad option at the first next, not at the call', async () => {
    const store = await storeOf(1);
    const all = store.readAll({ batchSize: 0 });
    const stream = store.readStream('s', { from: 0 });
    await expect(all[Symbol.asyncIterator]().next()).rejects.toThrow(RangeError);
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(RangeError);
  });

  it('serves next calls made together in order across batches, and stops at return', async () => {
    const store = await storeOf(7);
    const it = store.readAll({ batchSize: 3 })[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 9 }, () => it.next()));
    expect(results.map((r) => (r.done === true ? 'done' : r.value.globalPosition))).toEqual([
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      'done',
      'done',
    ]);
    const backward = store.readStream('s', { direction: 'backward', batchSize: 2 });
    const got: StoredEvent[] = [];
    for await (const e of backward) {
      got.push(e);
      if (got.length === 3) break;
    }
    expect(got.map((e) => e.streamPosition)).toEqual([7, 6, 5]);
    expect(await backward[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
  });
});
