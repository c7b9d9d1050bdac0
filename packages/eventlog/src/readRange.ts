import type { StoredEvent } from './EventEnvelope.js';

/** A position range over a list whose item `i` has position `i + 1`; both bounds inclusive. */
export interface RangeOptions {
  readonly from?: number;
  readonly to?: number;
  readonly direction?: 'forward' | 'backward';
  readonly batchSize?: number;
}

const check = (what: string, name: string, n: number | undefined, min: number): void => {
  if (n !== undefined && (!Number.isSafeInteger(n) || n < min))
    throw new Error(`${what}: ${name} must be an integer of at least ${min} (got ${n})`);
};

/**
 * Yields the events of an in-memory list between two positions, forward or backward. Options are
 * checked on the first read (a bad one throws, naming it). A forward read sees events appended while it
 * runs; a backward read starts from the last event present when it starts. Reads its list only.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- the port's reads are AsyncIterables
export async function* readRange(
  items: readonly StoredEvent[],
  options: RangeOptions,
  what: string,
  assertOpen: () => void,
): AsyncGenerator<StoredEvent, void, undefined> {
  assertOpen();
  const { from = 1, to, direction = 'forward', batchSize } = options;
  check(what, 'from', from, 1);
  check(what, 'to', to, 0);
  check(what, 'batchSize', batchSize, 1);
  if (direction !== 'forward' && direction !== 'backward')
    throw new Error(
      `${what}: direction must be 'forward' or 'backward' (got ${String(direction)})`,
    );
  const last = to ?? Number.MAX_SAFE_INTEGER;
  if (direction === 'forward') {
    for (let p = from; p <= Math.min(last, items.length); p++) {
      const e = items[p - 1];
      if (e !== undefined) yield e;
    }
  } else {
    for (let p = Math.min(last, items.length); p >= from; p--) {
      const e = items[p - 1];
      if (e !== undefined) yield e;
    }
  }
}
