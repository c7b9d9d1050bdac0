import * as E from 'fp-ts/lib/Either.js';
import type { StoredEvent } from '@strive/eventlog';
import { encodeEvent } from './eventMessage.js';
import type { RelayLease, RelayLeases, RelayPublisher, RelayStore } from './RelayStore.js';
import { subjectOf } from './subjectOf.js';

/** Options of `runRelay`. `sleep` and `now` are its only effects besides store and JetStream. */
export interface RelayOptions {
  /** Names the relay's checkpoint (projection `relay:${name}`) and lease. */
  readonly name: string;
  readonly store: RelayStore;
  /** A JetStream client: `jetstream(nc)`. The stream capturing the subjects must exist. */
  readonly js: RelayPublisher;
  /** Event types to publish (default: every event). */
  readonly types?: readonly string[];
  /** The subject of an event (default `subjectOf('strive')`: `strive.<stream type>.<event type>`). */
  readonly subject?: (event: StoredEvent) => string;
  /** Several processes: one active relay per name (default: this one is the only one). */
  readonly leases?: RelayLeases;
  /** Events read, published and acknowledged per checkpoint commit (default 200). */
  readonly batchSize?: number;
  /** Publishes awaiting their acknowledgement at once, in log order (default 64; 1 = one by one). */
  readonly maxInFlight?: number;
  /** Wait when there is nothing new, the lease is elsewhere or a publish failed, in ms (default 100). */
  readonly pollIntervalMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A monotonic clock in ms, for lease renewal (default `performance.now`). */
  readonly now?: () => number;
  readonly onOwnership?: (owning: boolean, token: number) => void;
  /** Told after each checkpoint commit: the checkpoint, events published and how many were duplicates. */
  readonly onCommit?: (checkpoint: number, published: number, duplicates: number) => void;
  /** Told of a publish that failed (the batch is published again after `pollIntervalMs`). */
  readonly onPublishError?: (error: unknown) => void;
}

/** A running relay. */
export interface Relay {
  /** The last checkpoint this relay committed or read. */
  readonly position: () => number;
  readonly owning: () => boolean;
  /** Resolves once the checkpoint is at or after `globalPosition`. */
  readonly waitFor: (globalPosition: number) => Promise<void>;
  /** Stops after the batch in flight and releases the lease. */
  readonly stop: () => Promise<void>;
  /** Settles when the relay ends: resolves on `stop`, rejects with a store error. */
  readonly done: Promise<void>;
}

const timerSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Publishes events in order with at most `max` awaiting acknowledgement; resolves with the duplicates. */
const publishAll = async (
  js: RelayPublisher,
  events: readonly StoredEvent[],
  subject: (e: StoredEvent) => string,
  max: number,
): Promise<number> => {
  let duplicates = 0;
  for (let i = 0; i < events.length; i += max) {
    const acks = await Promise.all(
      events
        .slice(i, i + max)
        .map((e) => js.publish(subject(e), encodeEvent(e), { msgID: e.eventId })),
    );
    duplicates += acks.filter((a) => a.duplicate).length;
  }
  return duplicates;
};

/**
 * Relays the log to NATS JetStream: reads events after its checkpoint, publishes each chosen one to
 * its subject with `Nats-Msg-Id` = event id, and only once every publish of the batch is acknowledged
 * commits the checkpoint (compare-and-set). A crash or a failed publish means the batch is published
 * again, and JetStream drops the repeats within the stream's duplicate window, so each event is stored
 * once, in log order. With `leases`, one process relays at a time. Does I/O.
 * @example
 * const relay = runRelay({ name: 'public', store, js: jetstream(nc), types: ['NoticeStarted'] });
 */
export const runRelay = (options: RelayOptions): Relay => {
  const { store, js, leases } = options;
  const name = `relay:${options.name}`;
  const batchSize = options.batchSize ?? 200;
  const maxInFlight = options.maxInFlight ?? 64;
  const pollMs = options.pollIntervalMs ?? 100;
  const sleep = options.sleep ?? timerSleep;
  const now = options.now ?? (() => performance.now());
  const subject = options.subject ?? subjectOf('strive');
  const types = options.types === undefined ? undefined : new Set(options.types);
  let lease: RelayLease | undefined;
  let renewedAt = 0;
  let stopped = false;
  let checkpoint = 0;
  let waiters: { position: number; resolve: () => void; reject: (e: unknown) => void }[] = [];

  const lose = (): void => {
    if (lease !== undefined) options.onOwnership?.(false, lease.token);
    lease = undefined;
  };
  const holding = async (): Promise<boolean> => {
    if (leases === undefined) return true;
    if (lease === undefined) {
      const started = now();
      lease = await leases.acquire(name);
      if (lease === undefined) return false;
      renewedAt = started;
      options.onOwnership?.(true, lease.token);
    } else if (now() - renewedAt > leases.leaseMs / 3) {
      const started = now();
      if (!(await lease.renew())) return (lose(), false);
      renewedAt = started;
    }
    return true;
  };
  const settle = (): void => {
    const due = waiters.filter((w) => w.position <= checkpoint);
    waiters = waiters.filter((w) => w.position > checkpoint);
    for (const w of due) w.resolve();
  };

  const step = async (): Promise<boolean> => {
    if (!(await holding())) return false;
    const from = await store.readCheckpoint(name);
    checkpoint = Math.max(checkpoint, from);
    settle();
    const events: StoredEvent[] = [];
    for await (const e of store.readAll({ after: from, batchSize })) {
      events.push(e);
      if (events.length >= batchSize) break;
    }
    const last = events[events.length - 1];
    if (last === undefined) return false;
    const chosen = types === undefined ? events : events.filter((e) => types.has(e.type));
    let duplicates: number;
    try {
      duplicates = await publishAll(js, chosen, subject, maxInFlight);
    } catch (error) {
      options.onPublishError?.(error);
      return false;
    }
    if (leases !== undefined && (lease === undefined || now() - renewedAt >= leases.leaseMs))
      return (lose(), false);
    const r = await store.commitProjection({
      projection: name,
      expectedCheckpoint: from,
      checkpoint: last.globalPosition,
      upserts: [],
      deletes: [],
    });
    if (E.isLeft(r)) return (lose(), false);
    checkpoint = last.globalPosition;
    settle();
    options.onCommit?.(checkpoint, chosen.length, duplicates);
    return events.length >= batchSize;
  };

  const run = async (): Promise<void> => {
    try {
      while (!stopped) if (!(await step()) && !stopped) await sleep(pollMs);
    } finally {
      const held = lease;
      lose();
      if (held !== undefined) await held.release().catch(() => undefined);
      const pending = waiters;
      waiters = [];
      for (const w of pending)
        w.reject(new Error(`relay ${options.name} stopped at ${checkpoint}`));
    }
  };
  const done = run();
  done.catch(() => undefined);
  return {
    position: () => checkpoint,
    owning: () => leases === undefined || lease !== undefined,
    waitFor: (position) =>
      position <= checkpoint
        ? Promise.resolve()
        : stopped
          ? Promise.reject(new Error(`relay ${options.name} stopped at ${checkpoint}`))
          : new Promise((resolve, reject) => waiters.push({ position, resolve, reject })),
    stop: async () => {
      stopped = true;
      await done.catch(() => undefined);
    },
    done,
  };
};
