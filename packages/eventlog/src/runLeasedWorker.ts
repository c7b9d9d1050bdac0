import * as E from 'fp-ts/lib/Either.js';
import type { StoredEvent } from './EventEnvelope.js';
import type { EventLog } from './EventStore.js';
import { observePosition } from './observePosition.js';
import type { DocumentUpsert, ProjectionDocuments } from './ProjectionDocuments.js';
import type { WorkerLease, WorkerLeases } from './WorkerLeases.js';

/** What one batch's work reached: the position to commit, the documents to commit with it. */
export interface BatchDone {
  /** The global position of the last event done (the batch's `from` when none was). */
  readonly through: number;
  readonly upserts?: readonly DocumentUpsert[];
  /** Called once the checkpoint is committed (the worker's own `onCommit`, say). */
  readonly committed?: () => void;
}

/** What the hooks of a leased worker may ask it. */
export interface WorkerState {
  readonly stopped: () => boolean;
  readonly owning: () => boolean;
}

/** Options of `runLeasedWorker`; `sleep` and `now` are its only effects besides the store. */
export interface LeasedWorkerOptions {
  /** The checkpoint's projection name, also the lease's name (`reactor:x`, `relay:y`). */
  readonly name: string;
  /** Names the worker in the error a pending `waitFor` gets on stop (`reactor x`). */
  readonly label: string;
  readonly store: Pick<EventLog, 'readAll'> &
    Pick<ProjectionDocuments, 'readCheckpoint' | 'commitProjection'>;
  readonly leases?: WorkerLeases | undefined;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly onOwnership?: ((owning: boolean, token: number) => void) | undefined;
  /**
   * Works on a batch read after the checkpoint (never empty). `working()` renews the lease and says
   * whether to go on (false once stopped or the lease is lost). Undefined: nothing to commit now.
   */
  readonly work: (
    events: readonly StoredEvent[],
    from: number,
    working: () => Promise<boolean>,
  ) => Promise<BatchDone | undefined>;
  /** Runs before each wait for new events. */
  readonly idle?: (state: WorkerState) => Promise<void>;
}

/** A running leased worker. */
export interface LeasedWorker extends WorkerState {
  /** The last checkpoint this worker committed (or read, when it started owning). */
  readonly position: () => number;
  /** Resolves once this worker has committed a checkpoint at or after `globalPosition`. */
  readonly waitFor: (globalPosition: number) => Promise<void>;
  /** Stops after the batch in flight and releases the lease. */
  readonly stop: () => Promise<void>;
  /** Settles when the worker ends: resolves on `stop`, rejects with a store's error. */
  readonly done: Promise<void>;
}

/**
 * The loop of a checkpointed worker over the log (the engine's reactors, the NATS relay): with
 * `leases`, it works only while holding the lease named `name` (renewed every third of `leaseMs`, let
 * go when renewal fails or a commit is refused); it reads a batch after its checkpoint, lets `work`
 * do it, and commits the position reached with compare-and-set only while the lease is surely held,
 * so a stale worker never moves the checkpoint. Reports its position as the gauge
 * `strive.subscription.position` when OpenTelemetry is installed. Does I/O.
 * @example
 * const worker = runLeasedWorker({ name: 'relay:x', label: 'relay x', store, batchSize: 100,
 *   pollIntervalMs: 100, sleep, now, work: async (events) => ({ through: events.at(-1)!.globalPosition }) });
 */
export const runLeasedWorker = (o: LeasedWorkerOptions): LeasedWorker => {
  const { store, leases, name, now } = o;
  let lease: WorkerLease | undefined;
  let renewedAt = 0;
  let stopped = false;
  let checkpoint = 0;
  let waiters: { position: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const owning = (): boolean => leases === undefined || lease !== undefined;
  const state: WorkerState = { stopped: () => stopped, owning };

  const lose = (): void => {
    if (lease !== undefined) o.onOwnership?.(false, lease.token);
    lease = undefined;
  };
  /** Whether this worker may work now: no leases, or a lease taken or renewed in time. */
  const holding = async (): Promise<boolean> => {
    if (leases === undefined) return true;
    if (lease === undefined) {
      const started = now();
      lease = await leases.acquire(name);
      if (lease === undefined) return false;
      renewedAt = started;
      o.onOwnership?.(true, lease.token);
    } else if (now() - renewedAt > leases.leaseMs / 3) {
      const started = now();
      if (!(await lease.renew())) return (lose(), false);
      renewedAt = started;
    }
    return true;
  };
  const leaseSurely = (): boolean =>
    leases === undefined || (lease !== undefined && now() - renewedAt < leases.leaseMs);
  const working = async (): Promise<boolean> => !stopped && (await holding());
  const settle = (): void => {
    const due = waiters.filter((w) => w.position <= checkpoint);
    waiters = waiters.filter((w) => w.position > checkpoint);
    for (const w of due) w.resolve();
  };

  /** One batch; true when there may be more right away. */
  const step = async (): Promise<boolean> => {
    if (!(await holding())) return false;
    const from = await store.readCheckpoint(name);
    checkpoint = Math.max(checkpoint, from);
    settle();
    const events: StoredEvent[] = [];
    for await (const e of store.readAll({ after: from, batchSize: o.batchSize })) {
      events.push(e);
      if (events.length >= o.batchSize) break;
    }
    if (events.length === 0) return false;
    const done = await o.work(events, from, working);
    if (done === undefined || done.through <= from) return false;
    if (!leaseSurely()) return (lose(), false); // our lease may be gone: leave the commit to the owner
    const r = await store.commitProjection({
      projection: name,
      expectedCheckpoint: from,
      checkpoint: done.through,
      upserts: done.upserts ?? [],
      deletes: [],
    });
    if (E.isLeft(r)) return (lose(), false);
    checkpoint = done.through;
    settle();
    done.committed?.();
    return events.length >= o.batchSize;
  };

  const stoppedError = (): Error => new Error(`${o.label} stopped at ${checkpoint}`);
  const run = async (): Promise<void> => {
    const unobserve = observePosition(name, () => checkpoint);
    try {
      while (!stopped)
        if (!(await step()) && !stopped) {
          await o.idle?.(state);
          await o.sleep(o.pollIntervalMs);
        }
    } finally {
      unobserve();
      const held = lease;
      lose();
      if (held !== undefined) await held.release().catch(() => undefined);
      const pending = waiters;
      waiters = [];
      for (const w of pending) w.reject(stoppedError());
    }
  };
  const done = run();
  done.catch(() => undefined);
  return {
    ...state,
    position: () => checkpoint,
    waitFor: (position) =>
      position <= checkpoint
        ? Promise.resolve()
        : stopped
          ? Promise.reject(stoppedError())
          : new Promise((resolve, reject) => waiters.push({ position, resolve, reject })),
    stop: async () => {
      stopped = true;
      await done.catch(() => undefined);
    },
    done,
  };
};
