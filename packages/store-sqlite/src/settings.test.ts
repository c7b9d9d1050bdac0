import { appendToStream } from '@strive/eventlog';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './index.js';
import { commitment, tempDir } from './testSupport/fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const file = (): string => {
  const t = tempDir();
  cleanups.push(t.remove);
  return t.file;
};

describe('connection settings', () => {
  it('runs a file in WAL with synchronous NORMAL by default', () => {
    const store = createSqliteEventStore({ path: file() });
    cleanups.push(() => store.close());
    expect(store.settings()).toMatchObject({
      journalMode: 'wal',
      synchronous: 'NORMAL',
      busyTimeoutMs: 5000,
    });
  });

  it('applies synchronous FULL and the busy timeout when asked', () => {
    const store = createSqliteEventStore({ path: file(), synchronous: 'FULL', busyTimeoutMs: 250 });
    cleanups.push(() => store.close());
    expect(store.settings()).toMatchObject({
      journalMode: 'wal',
      synchronous: 'FULL',
      busyTimeoutMs: 250,
    });
  });

  it('refuses malformed options with a message naming the option', () => {
    expect(() => createSqliteEventStore({ path: '' })).toThrow(/path/);
    // @ts-expect-error an unknown level is refused at run time too
    expect(() => createSqliteEventStore({ path: ':memory:', synchronous: 'OFF' })).toThrow(
      /synchronous/,
    );
    expect(() => createSqliteEventStore({ path: ':memory:', maxRetries: -1 })).toThrow(
      /maxRetries/,
    );
  });

  it('answers StoreUnavailable, writing nothing, when another connection holds the lock past the budget', async () => {
    const path = file();
    const store = createSqliteEventStore({ path, busyTimeoutMs: 0, maxRetries: 2 });
    cleanups.push(() => store.close());
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const r = await appendToStream(store, 's', [commitment(1)], { expectedVersion: 'any' });
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'StoreUnavailable' });
    expect(E.isLeft(r) && r.left._tag === 'StoreUnavailable' && r.left.reason).toMatch(
      /3 attempts/,
    );
    other.exec('ROLLBACK');
    other.close();
    expect(await store.streamVersion('s')).toBe(0);
    const ok = await appendToStream(store, 's', [commitment(1)], { expectedVersion: 'any' });
    expect(E.isRight(ok)).toBe(true);
  });

  it('waits out a lock that is released within the retry budget', async () => {
    // Timers fire in order of due time, and each pause between attempts is at least 1 ms: before the
    // release (due in 20 ms) at most about 20 attempts can run, however loaded the machine, so a
    // budget of 200 cannot run out first.
    const path = file();
    const store = createSqliteEventStore({ path, busyTimeoutMs: 0, maxRetries: 200 });
    cleanups.push(() => store.close());
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    let released = false;
    setTimeout(() => {
      other.exec('ROLLBACK');
      other.close();
      released = true;
    }, 20);
    const r = await appendToStream(store, 's', [commitment(1)], { expectedVersion: 'any' });
    expect(E.isRight(r)).toBe(true);
    expect(released, 'the append waited for the lock to go').toBe(true);
  });
});
