import type { ReadAllOptions, ReadStreamOptions, StoredEvent } from '@strive/eventlog';
import { eventPages } from './eventPages.js';
import type { Statements } from './prepareStatements.js';

/** Rows fetched per query when the caller does not say. */
const DEFAULT_READ_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 100_000;

const intOption = (name: string, u: unknown, fallback: number, min: number): number => {
  if (u === undefined) return fallback;
  if (typeof u !== 'number' || !Number.isSafeInteger(u) || u < min)
    throw new RangeError(`${name} must be an integer >= ${min}`);
  return u;
};

const batchSizeOf = (u: unknown): number => {
  const n = intOption('batchSize', u, DEFAULT_READ_BATCH_SIZE, 1);
  if (n > MAX_BATCH_SIZE) throw new RangeError(`batchSize must be at most ${MAX_BATCH_SIZE}`);
  return n;
};

const lastPosition = (rows: readonly unknown[], column: number): number | undefined => {
  const last = rows[rows.length - 1];
  const value: unknown = Array.isArray(last) ? last[column] : undefined;
  return typeof value === 'number' ? value : undefined;
};

/**
 * The whole log in global order, fetched in keyset-paginated batches (each its own short read
 * transaction, so writers are never held up and memory stays flat; the event loop runs between
 * batches). Does I/O; rejects with a `RangeError` on a malformed option and an `Error` on a corrupt
 * row.
 */
export const readAllEvents = (
  st: Statements,
  options: ReadAllOptions = {},
): AsyncIterableIterator<StoredEvent> =>
  eventPages(() => {
    let after = intOption('after', options.after, 0, 0);
    const to = intOption('to', options.to, Number.MAX_SAFE_INTEGER, 0);
    const batchSize = batchSizeOf(options.batchSize);
    const page = st.page('all', batchSize);
    let more = true;
    return {
      read: () => {
        const rows = page.all(after, to);
        const last = lastPosition(rows, 0);
        if (rows.length < batchSize || last === undefined) more = false;
        else after = last;
        return rows;
      },
      more: () => more,
    };
  });

/**
 * One stream's events between `from` and `to` (inclusive; `from` is always the lower bound), forward
 * or backward, in keyset-paginated batches. Does I/O; rejects with a `RangeError` on a malformed
 * option.
 */
export const readStreamEvents = (
  st: Statements,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncIterableIterator<StoredEvent> =>
  eventPages(() => {
    let from = intOption('from', options.from, 1, 1);
    let to = intOption('to', options.to, Number.MAX_SAFE_INTEGER, 0);
    const batchSize = batchSizeOf(options.batchSize);
    const backward = options.direction === 'backward';
    if (options.direction !== undefined && options.direction !== 'forward' && !backward)
      throw new RangeError('direction must be "forward" or "backward"');
    const statement = st.page(backward ? 'backward' : 'forward', batchSize);
    let more = from <= to;
    return {
      read: () => {
        if (from > to) return [];
        const rows = statement.all(streamId, from, to);
        const last = lastPosition(rows, 3);
        if (rows.length < batchSize || last === undefined) more = false;
        else if (backward) to = last - 1;
        else from = last + 1;
        if (from > to) more = false;
        return rows;
      },
      more: () => more,
    };
  });
