import type { StoredEvent } from '@strive/eventlog';
import { decodeStoredEvent } from './decodeEventRow.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';

/** Keyset-paginated raw rows of a read: `read` runs one query, `more` says whether one may follow. */
export interface RowPages {
  readonly read: () => readonly unknown[];
  readonly more: () => boolean;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The events of a paginated read as an async iterator (and iterable, once, like a generator). It
 * behaves as an async generator that yields each decoded row and awaits the event loop between
 * batches: `open` runs at the first `next` (so a bad option rejects it), the first batch is read at
 * once, each row is decoded when it is reached (a corrupt row fails that `next`, after the rows
 * before it), a failure or `return` ends the iteration, and `next` calls made while a batch is
 * awaited are served in order. A row served from memory costs one resolved promise, no generator
 * step. Does I/O (through `open` and its pages).
 */
export const eventPages = (open: () => RowPages): AsyncIterableIterator<StoredEvent> => {
  let pages: RowPages | undefined;
  let rows: readonly unknown[] = [];
  let i = 0;
  let finished = false;
  let waiting: Promise<void> | undefined;
  /** A read that failed while awaited: the next `next` rejects with it, later ones are done. */
  let failure: unknown;
  const fail = (e: unknown): Promise<never> => {
    finished = true;
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  };
  const next = (): Promise<IteratorResult<StoredEvent, undefined>> => {
    if (waiting !== undefined) return waiting.then(next);
    if (failure !== undefined) {
      const e = failure;
      failure = undefined;
      return fail(e);
    }
    if (finished) return Promise.resolve(DONE);
    try {
      if (pages === undefined) {
        pages = open();
        rows = pages.read();
      }
      if (i < rows.length)
        return Promise.resolve({ done: false, value: decodeStoredEvent(rows[i++]) });
      if (!pages.more()) {
        finished = true;
        return Promise.resolve(DONE);
      }
    } catch (e) {
      return fail(e);
    }
    const p = pages;
    waiting = yieldToEventLoop().then(() => {
      waiting = undefined;
      if (finished) return;
      try {
        rows = p.read();
        i = 0;
      } catch (e) {
        finished = true;
        failure = e ?? new Error('read failed');
      }
    });
    return waiting.then(next);
  };
  const iterator: AsyncIterableIterator<StoredEvent> = {
    next,
    return: () => {
      finished = true;
      return Promise.resolve(DONE);
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
};
