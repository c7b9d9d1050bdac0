import * as E from 'fp-ts/lib/Either.js';
import type { InlineProjection, JsonValue, StoredEvent } from '@strive/eventlog';
import { applyInlineProjections, inlineDocumentKeys } from '@strive/eventlog/adapter';
import { acquireLease, type Lease } from './acquireLease.js';
import type { PostgresEventStore } from './createPostgresEventStore.js';
import { isConnectionError } from './pgErrors.js';

/** Options of `runProjectionWorker`. */
export interface ProjectionWorkerOptions {
  readonly store: PostgresEventStore;
  /** The projection: its name (lease and checkpoint), which document each event touches, and the fold. */
  readonly projection: InlineProjection;
  /** Unique per process; identifies the lease holder. */
  readonly owner: string;
  /** Lease length in ms (default 5,000); renewed every third of it while working. */
  readonly leaseMs?: number;
  /** How often to look for new events or a free lease, in ms (default 250). */
  readonly pollIntervalMs?: number;
  /** Events folded per commit (default 500). */
  readonly batchSize?: number;
  /** Told when this worker gains (true) or loses (false) ownership. */
  readonly onOwnership?: (owning: boolean, token: number) => void;
  /** Told after each commit, with the new checkpoint. */
  readonly onCommit?: (checkpoint: number) => void;
}

/** A running worker. */
export interface ProjectionWorker {
  readonly owning: () => boolean;
  /** Stops after the batch in flight and releases the lease. */
  readonly stop: () => Promise<void>;
  /** Settles when the worker ends: resolves on `stop`, rejects with an unexpected error. */
  readonly done: Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

/**
 * Keeps a named async projection up to date from any number of processes with one active owner at a
 * time: each worker tries to take the projection's lease (`acquireLease`), and the owner folds batches
 * of events after the checkpoint into documents and commits them with `commitProjection`
 * (compare-and-set, so a stale owner can never move the checkpoint back or fold twice). When the owner
 * dies, another worker takes over within `leaseMs` plus one poll. Does I/O.
 */
export const runProjectionWorker = (options: ProjectionWorkerOptions): ProjectionWorker => {
  const { store, projection, owner } = options;
  const leaseMs = options.leaseMs ?? 5000;
  const pollMs = options.pollIntervalMs ?? 250;
  const batchSize = options.batchSize ?? 500;
  let lease: Lease | undefined;
  let renewedAt = 0;
  let stopped = false;

  const lose = (): void => {
    if (lease !== undefined) options.onOwnership?.(false, lease.token);
    lease = undefined;
  };
  const step = async (): Promise<boolean> => {
    if (lease === undefined) {
      lease = await acquireLease(store, { projection: projection.name, owner, leaseMs });
      if (lease === undefined) return false;
      renewedAt = performance.now();
      options.onOwnership?.(true, lease.token);
    } else if (performance.now() - renewedAt > leaseMs / 3) {
      const started = performance.now();
      if (!(await lease.renew())) return (lose(), false);
      renewedAt = started;
    }
    const checkpoint = await store.readCheckpoint(projection.name);
    const events: StoredEvent[] = [];
    for await (const e of store.readAll({ after: checkpoint, batchSize })) {
      events.push(e);
      if (events.length >= batchSize) break;
    }
    const last = events[events.length - 1];
    if (last === undefined) return false;
    const current = new Map<string, JsonValue | undefined>();
    for (const { key } of inlineDocumentKeys([projection], events))
      current.set(key, await store.readDocument(projection.name, key));
    const writes = applyInlineProjections([projection], events, (_p, k) => current.get(k));
    if (performance.now() - renewedAt >= leaseMs) return (lose(), false); // our lease may be gone
    const r = await store.commitProjection({
      projection: projection.name,
      expectedCheckpoint: checkpoint,
      checkpoint: last.globalPosition,
      upserts: writes.map((w) => ({ key: w.key, value: w.value })),
      deletes: [],
    });
    if (E.isLeft(r)) return (lose(), false);
    options.onCommit?.(last.globalPosition);
    return events.length >= batchSize;
  };

  const run = async (): Promise<void> => {
    try {
      while (!stopped) {
        let more = false;
        try {
          more = await step();
        } catch (error) {
          if (!isConnectionError(error)) throw error; // the database is away: try again next poll
        }
        if (!more && !stopped) await sleep(pollMs);
      }
    } finally {
      const held = lease;
      lose();
      if (held !== undefined) await held.release().catch(() => undefined);
    }
  };
  const done = run();
  done.catch(() => undefined);
  return {
    owning: () => lease !== undefined,
    stop: async () => {
      stopped = true;
      await done.catch(() => undefined);
    },
    done,
  };
};
