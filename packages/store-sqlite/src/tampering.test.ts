import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appendToStream, verify } from '@strive/eventlog';
import { createSqliteEventStore } from './index.js';
import { commitment, tempDir } from './testSupport/fixtures.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A file with 6 events over two streams, then `tamper` run on a raw connection to it. */
const tamperedLog = async (tamper: (db: Database.Database) => void): Promise<string> => {
  const t = tempDir();
  cleanups.push(t.remove);
  const store = createSqliteEventStore({ path: t.file });
  for (let n = 1; n <= 6; n++)
    await appendToStream(store, n % 2 === 0 ? 'even' : 'odd', [commitment(n)], {
      expectedVersion: 'any',
    });
  await store.close();
  const db = new Database(t.file);
  tamper(db);
  db.close();
  return t.file;
};

const verifyFile = async (file: string): Promise<unknown> => {
  const store = createSqliteEventStore({ path: file });
  try {
    return await verify(store);
  } finally {
    await store.close();
  }
};

describe('tampering with the SQLite rows', () => {
  it('is not reported on an untouched file', async () => {
    expect(await verifyFile(await tamperedLog(() => undefined))).toMatchObject({
      _tag: 'ChainVerified',
      events: 6,
    });
  });

  it('catches edited data at the edited position', async () => {
    const file = await tamperedLog((db) => {
      const data = db.prepare('SELECT data FROM events WHERE global_position = 4').pluck().get();
      db.prepare('UPDATE events SET data = ? WHERE global_position = 4').run(
        String(data).replace('tutor two', 'tutor ten'),
      );
    });
    expect(await verifyFile(file)).toMatchObject({
      _tag: 'ChainBroken',
      globalPosition: 4,
      reason: /content/,
    });
  });

  it('catches a deleted middle row at the first position after the gap', async () => {
    const file = await tamperedLog((db) => db.exec('DELETE FROM events WHERE global_position = 3'));
    expect(await verifyFile(file)).toMatchObject({ _tag: 'ChainBroken', globalPosition: 4 });
  });

  it('catches two swapped events at the first of them', async () => {
    const file = await tamperedLog((db) => {
      const cols =
        'event_id, stream_id, stream_position, type, schema_version, data, metadata, prev_hash, hash';
      db.exec(`
        CREATE TEMP TABLE t AS SELECT global_position, ${cols} FROM events WHERE global_position IN (2, 4);
        DELETE FROM events WHERE global_position IN (2, 4);
        INSERT INTO events (global_position, ${cols})
          SELECT CASE global_position WHEN 2 THEN 4 ELSE 2 END, ${cols} FROM t;
      `);
    });
    expect(await verifyFile(file)).toMatchObject({ _tag: 'ChainBroken', globalPosition: 2 });
  });

  it('catches a re-hashed edit through the broken link to the next event', async () => {
    const file = await tamperedLog((db) => {
      db.prepare('UPDATE events SET hash = ? WHERE global_position = 5').run('f'.repeat(64));
    });
    expect(await verifyFile(file)).toMatchObject({ _tag: 'ChainBroken', globalPosition: 5 });
  });
});
