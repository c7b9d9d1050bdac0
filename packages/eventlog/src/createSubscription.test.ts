import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSubscription } from './createSubscription.js';
import { GENESIS_HASH, type StoredEvent } from './EventEnvelope.js';
import type { ReadAllOptions } from './EventStore.js';

const event = (globalPosition: number): StoredEvent => ({
  eventId: `00000000-0000-7000-8000-${String(globalPosition).padStart(12, '0')}`,
  streamId: 's',
  streamPosition: globalPosition,
  globalPosition,
  type: 'Happened',
  schemaVersion: 1,
  data: { n: globalPosition },
  metadata: { at: '2025-01-01T00:00:00Z' },
  prevHash: GENESIS_HASH,
  hash: GENESIS_HASH,
});

async function* readAfter(events: readonly StoredEvent[], after: number) {
  await Promise.resolve();
  yield* events.filter((e) => e.globalPosition > after);
}

/** A tiny log with a notification hook, recording every readAll call. */
const fakeLog = (initial = 0) => {
  const events: StoredEvent[] = [];
  const listeners = new Set<() => void>();
  const calls: ReadAllOptions[] = [];
  const add = (n: number): void => {
    for (let i = 0; i < n; i++) events.push(event(events.length + 1));
  };
  add(initial);
  return {
    calls,
    listeners,
    add,
    notify: () => listeners.forEach((l) => l()),
    onNotify: (wake: () => void) => {
      listeners.add(wake);
      return () => listeners.delete(wake);
    },
    readAll: (o: ReadAllOptions): AsyncIterable<StoredEvent> => {
      calls.push(o);
      return readAfter(events, o.after ?? 0);
    },
  };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('createSubscription', () => {
  it('delivers stored events in order, then events appended later after a notification', async () => {
    const log = fakeLog(3);
    const seen: number[] = [];
    const sub = createSubscription({
      readAll: log.readAll,
      after: 0,
      handler: (e) => void seen.push(e.globalPosition),
      onNotify: log.onNotify,
      pollIntervalMs: 60_000,
    });
    await sub.waitFor(3);
    log.add(2);
    log.notify();
    await sub.waitFor(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(sub.position()).toBe(5);
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
  });

  it('finds new events by polling when the store sends no notification', async () => {
    const log = fakeLog(1);
    const seen: number[] = [];
    const sub = createSubscription({
      readAll: log.readAll,
      after: 0,
      handler: (e) => void seen.push(e.globalPosition),
      pollIntervalMs: 5,
    });
    await sub.waitFor(1);
    log.add(1);
    await sub.waitFor(2);
    expect(seen).toEqual([1, 2]);
    await sub.stop();
  });

  it('resumes after a checkpoint without repeating earlier events', async () => {
    const log = fakeLog(5);
    const seen: number[] = [];
    const sub = createSubscription({
      readAll: log.readAll,
      after: 3,
      handler: (e) => void seen.push(e.globalPosition),
    });
    await sub.waitFor(5);
    expect(seen).toEqual([4, 5]);
    expect(log.calls[0]).toEqual({ after: 3, batchSize: 500 });
    await sub.stop();
  });

  it('awaits each handler before starting the next one', async () => {
    const log = fakeLog(4);
    let running = 0;
    let maxRunning = 0;
    const sub = createSubscription({
      readAll: log.readAll,
      after: 0,
      handler: async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 1));
        running -= 1;
      },
    });
    await sub.waitFor(4);
    expect(maxRunning).toBe(1);
    await sub.stop();
  });

  it('stops after a handler error, rejects done and waitFor, and keeps the last good position', async () => {
    const log = fakeLog(4);
    const boom = new Error('boom');
    const sub = createSubscription({
      readAll: log.readAll,
      after: 0,
      handler: (e) => {
        if (e.globalPosition === 3) throw boom;
      },
      onNotify: log.onNotify,
    });
    const waiting = sub.waitFor(4);
    await expect(sub.done).rejects.toBe(boom);
    await expect(waiting).rejects.toBe(boom);
    await expect(sub.waitFor(4)).rejects.toBe(boom);
    expect(sub.position()).toBe(2);
    expect(log.listeners.size).toBe(0);
    await expect(sub.stop()).resolves.toBeUndefined();
  });

  it('rejects done when the store fails to read', async () => {
    const failure = new Error('disk gone');
    const sub = createSubscription({
      readAll: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(failure) }),
      }),
      after: 0,
      handler: () => undefined,
    });
    await expect(sub.done).rejects.toBe(failure);
  });

  it('stop waits for the handler in flight and delivers nothing afterwards', async () => {
    const log = fakeLog(3);
    const seen: number[] = [];
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const inHandler = new Promise<void>((r) => (entered = r));
    const sub = createSubscription({
      readAll: log.readAll,
      after: 0,
      handler: async (e) => {
        entered();
        await new Promise<void>((r) => (release = r));
        seen.push(e.globalPosition);
      },
      onNotify: log.onNotify,
    });
    await inHandler;
    let stopped = false;
    const stopping = sub.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(seen).toEqual([1]);
    expect(sub.position()).toBe(1);
    expect(log.listeners.size).toBe(0);
    await expect(sub.waitFor(2)).rejects.toThrow(/stopped at position 1/);
  });

  it('rejects a pending waitFor when stopped before reaching it', async () => {
    const log = fakeLog(1);
    const sub = createSubscription({ readAll: log.readAll, after: 0, handler: () => undefined });
    const waiting = sub.waitFor(10);
    await sub.waitFor(1);
    await sub.stop();
    await expect(waiting).rejects.toThrow(/stopped at position 1/);
  });

  it('reads again only when the poll interval passes or a notification arrives (no busy loop)', async () => {
    vi.useFakeTimers();
    const log = fakeLog(0);
    const sub = createSubscription({
      readAll: log.readAll,
      after: 0,
      handler: () => undefined,
      pollIntervalMs: 100,
      onNotify: log.onNotify,
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(log.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(log.calls).toHaveLength(2);
    log.notify();
    await vi.advanceTimersByTimeAsync(0);
    expect(log.calls).toHaveLength(3);
    await sub.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(log.calls).toHaveLength(3);
  });

  it('refuses malformed options with a message saying what to fix', () => {
    const log = fakeLog(0);
    const base = { readAll: log.readAll, handler: () => undefined };
    expect(() => createSubscription({ ...base, after: -1 })).toThrow(/after/);
    expect(() => createSubscription({ ...base, after: 0, batchSize: 0 })).toThrow(/batchSize/);
    expect(() => createSubscription({ ...base, after: 0, pollIntervalMs: NaN })).toThrow(
      /pollIntervalMs/,
    );
  });
});
