import type { StoredEvent } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { prefetched, type Pages } from './prefetched.js';

const event = (n: number): StoredEvent => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  streamId: 's',
  streamPosition: n,
  globalPosition: n,
  type: 'T',
  schemaVersion: 1,
  data: { n },
  metadata: { at: '2026-11-28T00:00:00Z' },
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

/** Pages of `size` events over 1..total, recording every fetch and when it was made. */
const numbered = (total: number, size: number, log: string[], failAt?: number): Pages<number> => ({
  first: 1,
  fetch: (from) => {
    log.push(`fetch ${from}`);
    if (from === failAt) return Promise.reject(new Error(`page at ${from} failed`));
    const page: StoredEvent[] = [];
    for (let n = from; n < from + size && n <= total; n++) page.push(event(n));
    return Promise.resolve(page);
  },
  next: (page) => {
    const last = page[page.length - 1];
    return page.length < size || last === undefined ? undefined : last.globalPosition + 1;
  },
});

const positions = async (it: AsyncIterable<StoredEvent>, log?: string[]): Promise<number[]> => {
  const out: number[] = [];
  for await (const e of it) {
    log?.push(`event ${e.globalPosition}`);
    out.push(e.globalPosition);
  }
  return out;
};

describe('prefetched', () => {
  it('yields every event of every page in order, and nothing for an empty read', async () => {
    expect(await positions(prefetched(() => Promise.resolve(numbered(7, 3, []))))).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(await positions(prefetched(() => Promise.resolve(numbered(6, 3, []))))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(await positions(prefetched(() => Promise.resolve(undefined)))).toEqual([]);
  });

  it('asks for the next page as soon as a page arrives, before handing out its events', async () => {
    const log: string[] = [];
    await positions(
      prefetched(() => Promise.resolve(numbered(5, 2, log))),
      log,
    );
    expect(log).toEqual([
      'fetch 1',
      'fetch 3',
      'event 1',
      'event 2',
      'fetch 5',
      'event 3',
      'event 4',
      'event 5',
    ]);
  });

  it('starts only at the first next(), and a failing start rejects that call', async () => {
    let started = 0;
    const it = prefetched(() => {
      started++;
      return Promise.reject(new RangeError('batchSize must be an integer >= 1'));
    });
    expect(started).toBe(0);
    await expect(it.next()).rejects.toThrow(RangeError);
    expect(started).toBe(1);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('hands out the events before a failed page, then rejects once and is done', async () => {
    const it = prefetched(() => Promise.resolve(numbered(10, 2, [], 3)));
    const log: string[] = [];
    await expect(positions({ [Symbol.asyncIterator]: () => it }, log)).rejects.toThrow(
      'page at 3 failed',
    );
    expect(log).toEqual(['event 1', 'event 2']);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('serves next() calls made while a page is awaited in the order they were made', async () => {
    const it = prefetched(() => Promise.resolve(numbered(5, 2, [])));
    const results = await Promise.all(Array.from({ length: 7 }, () => it.next()));
    expect(results.map((r) => (r.done === true ? 'done' : r.value.globalPosition))).toEqual([
      1,
      2,
      3,
      4,
      5,
      'done',
      'done',
    ]);
  });

  it('stops at return(), leaving a prefetched page that fails unread, its failure handled', async () => {
    const log: string[] = [];
    const it = prefetched(() => Promise.resolve(numbered(10, 2, log, 3)));
    const first = await it.next();
    expect(first.done === true ? 'done' : first.value.globalPosition).toBe(1);
    expect(await it.return(undefined)).toEqual({ done: true, value: undefined });
    expect(await it.next()).toEqual({ done: true, value: undefined });
    expect(log).toEqual(['fetch 1', 'fetch 3']);
  });
});
