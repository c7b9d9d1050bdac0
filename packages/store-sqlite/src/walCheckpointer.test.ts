import * as E from 'fp-ts/lib/Either.js';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendToStream, verify, type NewEvent } from '@strive/eventlog';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';
import { collect, tempDir, uuid } from './testSupport/fixtures.js';
import {
  START_WAL_BYTES,
  walCheckpointer,
  WRITER_AUTOCHECKPOINT_PAGES,
} from './walCheckpointer.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An event of about 2 KB, so that a few thousand fill the WAL past its checkpoint sizes. */
const bulky = (n: number): NewEvent => ({
  eventId: uuid(n),
  type: 'NoteWritten',
  data: { n, text: `note ${n} `.repeat(200) },
  metadata: { at: '2010-05-11T09:00:00+08:00' },
});

const fill = async (store: SqliteEventStore, batches: number, size: number): Promise<number> => {
  let n = 0;
  for (let b = 0; b < batches; b++) {
    const events = Array.from({ length: size }, () => bulky(++n));
    const r = await appendToStream(store, `s-${b % 7}`, events, { expectedVersion: 'any' });
    if (E.isLeft(r)) throw new Error(r.left._tag);
  }
  return n;
};

const until = async (ok: () => boolean): Promise<boolean> => {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  return ok();
};

describe('background WAL checkpoints', () => {
  it('start once the WAL passes 4 MiB, keep it bounded and lose nothing', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const store = createSqliteEventStore({ path: tmp.file });
    const events = await fill(store, 1200, 20);
    const s = store.settings();
    expect(s.checkpoint).toMatchObject({ mode: 'background', started: true });
    expect(s.checkpoint.checkpoints).toBeGreaterThan(0);
    expect(s.walAutocheckpoint).toBe(WRITER_AUTOCHECKPOINT_PAGES);
    // About 50 MB were written; the WAL starts over near 4,000 pages (16 MiB) plus what was written
    // while the background checkpoint ran (under load, up to a few MB): bounded well below 50 MB.
    expect(statSync(`${tmp.file}-wal`).size).toBeLessThan(WRITER_AUTOCHECKPOINT_PAGES * 4096 * 1.5);
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events });
    await store.close();
    const again = createSqliteEventStore({ path: tmp.file });
    cleanups.push(() => again.close());
    expect((await collect(again.readAll())).length).toBe(events);
  });

  it('stay inline when asked, and for small or in-memory stores', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const inline = createSqliteEventStore({ path: tmp.file, checkpoint: 'inline' });
    cleanups.push(() => inline.close());
    await fill(inline, 300, 20);
    expect(inline.settings().checkpoint).toEqual({
      mode: 'inline',
      started: false,
      checkpoints: 0,
    });
    expect(inline.settings().walAutocheckpoint).toBe(1000);
    const memory = createSqliteEventStore({ path: ':memory:' });
    cleanups.push(() => memory.close());
    await fill(memory, 300, 20);
    expect(memory.settings().checkpoint.started).toBe(false);
    const small = tempDir();
    cleanups.push(small.remove);
    const few = createSqliteEventStore({ path: small.file });
    cleanups.push(() => few.close());
    await fill(few, 50, 10);
    expect(few.settings().checkpoint.started).toBe(false);
  });

  it('refuses an unknown checkpoint mode with a TypeError', () => {
    expect(() =>
      createSqliteEventStore({
        path: ':memory:',
        checkpoint: 'sometimes' as unknown as 'inline',
      }),
    ).toThrow(/checkpoint must be "background" or "inline"/);
  });

  it('hands checkpoints back to the writer when its worker fails', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    // A WAL past the start size next to a database file that does not exist: the worker cannot open it.
    const path = join(tmp.dir, 'missing.db');
    writeFileSync(`${path}-wal`, Buffer.alloc(START_WAL_BYTES + 1));
    const pages: number[] = [];
    const c = walCheckpointer(path, 'background', (n) => pages.push(n));
    cleanups.push(() => c.close());
    for (let i = 0; i < 16; i++) c.committed();
    expect(c.stats().started).toBe(true);
    const handedBack = await until(() => {
      for (let i = 0; i < 16; i++) c.committed();
      return pages.at(-1) === 1000;
    });
    expect(handedBack).toBe(true);
    expect(pages).toEqual([WRITER_AUTOCHECKPOINT_PAGES, 1000]);
  });
});
