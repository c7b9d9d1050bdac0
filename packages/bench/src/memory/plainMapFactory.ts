import { createMemoryEventStore } from '@strive/eventlog';
import type { BenchSubject, SubjectFactory } from '../emmett/BenchSubject.js';
import { striveSubject } from '../emmett/striveSubject.js';

interface Held {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly data: unknown;
}

/**
 * The floor of any event store: a plain `Map` of streams and an array of the log holding the
 * events as given (no copy, validation, serialisation or hashing), with the expected-version check.
 * Pure in-memory (the methods are async only to fit the harness).
 */
const plainMapSubject = (): BenchSubject => {
  const streams = new Map<string, Held[]>();
  const log: Held[] = [];
  const fold = (s: readonly Held[], f: (p: number, d: unknown) => void): void => {
    for (const e of s) f(e.streamPosition, e.data);
  };
  return {
    append: (streamId, events, expectedVersion) => {
      let s = streams.get(streamId);
      if (s === undefined) streams.set(streamId, (s = []));
      if (s.length !== expectedVersion)
        return Promise.reject(new Error(`${streamId} is at ${s.length}, not ${expectedVersion}`));
      for (const e of events) {
        const held = { streamId, streamPosition: s.length + 1, data: e.data };
        s.push(held);
        log.push(held);
      }
      return Promise.resolve(s.length);
    },
    foldStream: (streamId, f) => Promise.resolve(fold(streams.get(streamId) ?? [], f)),
    foldAll: (f) => Promise.resolve(log.forEach((e) => f(e.streamId, e.data))),
    load: (streamId, f) => Promise.resolve(fold(streams.get(streamId) ?? [], f)),
    close: () => Promise.resolve(),
  };
};

/** A fresh plain Map per open. Pure. */
export const plainMapFactory: SubjectFactory = {
  name: 'plain Map',
  open: () => Promise.resolve(plainMapSubject()),
};

/** Strive's in-memory event store (validation, canonical JSON, hash chain on) per open. Pure. */
export const striveMemoryFactory: SubjectFactory = {
  name: 'Strive memory store',
  open: () => Promise.resolve(striveSubject(createMemoryEventStore())),
};
