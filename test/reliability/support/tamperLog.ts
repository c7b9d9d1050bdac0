import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
  isChainBroken,
  type NewEvent,
  type StoredEvent,
  type VerifyResult,
} from '../../../packages/eventlog/src/index.js';
import { expect } from 'vitest';
import { intIn, prng, seedOf } from './prng.js';

/** Size of the tampered log. */
export const EVENTS = 10_000;
/** The seed of the tampering tests (`STRIVE_REL_SEED` replays another). */
export const SEED = seedOf(42);

/** Random batches of one stream each; the same batches build the same log in every store. */
export const batches = (
  random: () => number,
  total: number,
): { streamId: string; events: NewEvent[] }[] => {
  const out: { streamId: string; events: NewEvent[] }[] = [];
  let n = 0;
  while (n < total) {
    const size = Math.min(total - n, intIn(random, 1, 100));
    const streamId = `stream-${intIn(random, 0, 36)}`;
    const events: NewEvent[] = [];
    for (let k = 0; k < size; k++, n++)
      events.push({
        type: `Thing${n % 5}`,
        // Small events: verifying is hashing, and each of the 1,000 edits re-verifies its prefix.
        data: { n, text: `第${n}号` },
        metadata: { at: '2010-05-10T09:00:00+08:00' },
      });
    out.push({ streamId, events });
  }
  return out;
};

export const fill = async (
  store: EventStore,
  parts: ReturnType<typeof batches>,
): Promise<StoredEvent[]> => {
  const rows: StoredEvent[] = [];
  for (const p of parts) {
    const r = await appendToStream(store, p.streamId, p.events, { expectedVersion: 'any' });
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
    rows.push(...r.right.events);
  }
  return rows;
};

/** Same events (ids included) as already stored rows, batch by batch. */
export const sameBatches = (
  rows: readonly StoredEvent[],
): { streamId: string; events: NewEvent[] }[] => {
  const out: { streamId: string; events: NewEvent[] }[] = [];
  for (const r of rows) {
    const e: NewEvent = {
      eventId: r.eventId,
      type: r.type,
      schemaVersion: r.schemaVersion,
      data: r.data,
      metadata: r.metadata,
    };
    const last = out[out.length - 1];
    if (last !== undefined && last.streamId === r.streamId && last.events.length < 500)
      last.events.push(e);
    else out.push({ streamId: r.streamId, events: [e] });
  }
  return out;
};

export const expectBrokenAt = (
  result: VerifyResult,
  at: { globalPosition: number; streamId: string; streamPosition: number },
  what: string,
): void => {
  expect(isChainBroken(result), `${what}: not detected`).toBe(true);
  if (!isChainBroken(result)) return;
  const { globalPosition, streamId, streamPosition } = result;
  expect({ globalPosition, streamId, streamPosition }, what).toEqual({
    globalPosition: at.globalPosition,
    streamId: at.streamId,
    streamPosition: at.streamPosition,
  });
};

/** The 10,000-event log every tampering test edits, built once per file in a memory store. Does I/O. */
export const buildLog = async (): Promise<StoredEvent[]> =>
  fill(createMemoryEventStore(), batches(prng(SEED), EVENTS));
