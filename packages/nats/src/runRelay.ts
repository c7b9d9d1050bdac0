import type { StoredEvent } from '@strive/eventlog';
import { runLeasedWorker, type BatchDone } from '@strive/eventlog/adapter';
import { encodeEvent } from './eventMessage.js';
import type { RelayLeases, RelayPublisher, RelayStore } from './RelayStore.js';
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
  const { js } = options;
  const maxInFlight = options.maxInFlight ?? 64;
  const subject = options.subject ?? subjectOf('strive');
  const types = options.types === undefined ? undefined : new Set(options.types);

  /** Publishes the batch's chosen events; undefined (nothing to commit) when a publish fails. */
  const work = async (events: readonly StoredEvent[]): Promise<BatchDone | undefined> => {
    const through = events[events.length - 1]?.globalPosition ?? 0;
    const chosen = types === undefined ? events : events.filter((e) => types.has(e.type));
    let duplicates: number;
    try {
      duplicates = await publishAll(js, chosen, subject, maxInFlight);
    } catch (error) {
      options.onPublishError?.(error);
      return undefined;
    }
    return { through, committed: () => options.onCommit?.(through, chosen.length, duplicates) };
  };

  return runLeasedWorker({
    name: `relay:${options.name}`,
    label: `relay ${options.name}`,
    store: options.store,
    leases: options.leases,
    batchSize: options.batchSize ?? 200,
    pollIntervalMs: options.pollIntervalMs ?? 100,
    sleep: options.sleep ?? timerSleep,
    now: options.now ?? (() => performance.now()),
    onOwnership: options.onOwnership,
    work,
  });
};
