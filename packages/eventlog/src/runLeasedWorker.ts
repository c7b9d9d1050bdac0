import * as E from 'fp-ts/lib/Either.js';
import type { StoredEvent } from './EventEnvelope.js';
import type { LeasedWorker, LeasedWorkerOptions, WorkerState } from './LeasedWorker.js';
import { observePosition } from './observePosition.js';
import type { WorkerLease } from './WorkerLeases.js';

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
