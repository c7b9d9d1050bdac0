import type { StoredEvent } from '@strive/eventlog';

/** How to page through a read: the first cursor, how to fetch a page, the cursor after a page. */
export interface Pages<C> {
  readonly first: C;
  readonly fetch: (cursor: C) => Promise<StoredEvent[]>;
  /** The cursor after `page`, or `undefined` at the end. */
  readonly next: (page: readonly StoredEvent[]) => C | undefined;
}

/**
 * Yields pages fetched one after another, asking for the next page as soon as a page arrived (before
 * its events are handed out), so the next query runs while the caller folds this one. `start` runs
 * at the first `next()` (awaiting the schema, validating options: its errors surface there) and gives
 * the pages, or `undefined` for an empty read. One generator with a plain loop per page: no nested
 * `yield*` delegation, which costs promise hops per event at every level. Does I/O.
 */
export async function* prefetched<C>(
  start: () => Promise<Pages<C> | undefined>,
): AsyncGenerator<StoredEvent> {
  const pages = await start();
  if (pages === undefined) return;
  let pending: Promise<StoredEvent[]> | undefined = pages.fetch(pages.first);
  while (pending !== undefined) {
    const page: StoredEvent[] = await pending;
    const cursor = pages.next(page);
    pending = cursor === undefined ? undefined : pages.fetch(cursor);
    // A caller that stops early leaves this fetch unread: its failure must not be unhandled.
    pending?.catch(() => undefined);
    for (const event of page) yield event;
  }
}
