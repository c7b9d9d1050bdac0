import { randomInt } from 'node:crypto';
import type { StoredEvent } from '@strive/eventlog';
import { runLeasedWorker, type BatchDone, type WorkerState } from '@strive/eventlog/adapter';
import type { CommandOutcome } from './CommandOutcome.js';
import { reactorProjectionName, type Reactor } from './defineReactor.js';
import type { ParkedReaction } from './ParkedReaction.js';
import type { HandleOptions } from './Principal.js';
import { listParkedReactions, retryParkedReaction } from './parkedReactions.js';
import type { ReactorLeases, ReactorStore } from './ReactorStore.js';
import { DEFAULT_REACTOR_RETRY, reactToEvent, type ReactorRetry } from './reactToEvent.js';

/** Options of `runReactor`. `random`, `sleep` and `now` are its only effects besides store and engine. */
export interface RunReactorOptions {
  /** Handles the reactions' commands (an `Engine` fits). */
  readonly engine: {
    readonly handle: (input: unknown, options?: HandleOptions) => Promise<CommandOutcome>;
  };
  readonly store: ReactorStore;
  readonly reactor: Reactor;
  /** Several processes: one active runner per reactor (default: this runner is the only one). */
  readonly leases?: ReactorLeases;
  /** Events read per step; the checkpoint moves after each step (default 100). */
  readonly batchSize?: number;
  /** How long to wait when there is nothing new (or the lease is held elsewhere), in ms (default 100). */
  readonly pollIntervalMs?: number;
  /** Default `{ attempts: 5, baseDelayMs: 50, maxDelayMs: 2000 }`. */
  readonly retry?: Partial<ReactorRetry>;
  /** Uniform in [0, 1), for the back-off's jitter (default: node:crypto). */
  readonly random?: () => number;
  /** Waits between attempts and polls (default: an unref'd setTimeout). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A monotonic clock in ms, for lease renewal (default: `performance.now`). */
  readonly now?: () => number;
  /** Told when this runner gains (true) or loses (false) the lease. */
  readonly onOwnership?: (owning: boolean, token: number) => void;
  /** Told after each commit of the checkpoint. */
  readonly onCommit?: (checkpoint: number) => void;
  /** Told of each reaction parked. */
  readonly onParked?: (parked: ParkedReaction) => void;
}

/** A running reactor. */
export interface ReactorRunner {
  /** The last checkpoint this runner committed (or read, when it started owning). */
  readonly position: () => number;
  readonly owning: () => boolean;
  /** Resolves once this runner has committed a checkpoint at or after `globalPosition`. */
  readonly waitFor: (globalPosition: number) => Promise<void>;
  /** Stops after the reaction in flight, commits what is done and releases the lease. */
  readonly stop: () => Promise<void>;
  /** Settles when the runner ends: resolves on `stop`, rejects with a store's error. */
  readonly done: Promise<void>;
}

const cryptoRandom = (): number => randomInt(0, 2 ** 30) / 2 ** 30;
const timerSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs a reactor: reads the log after its checkpoint in batches, reacts to each event of its `on`
 * types (`reactToEvent`: derived command ids, retries with back-off, parking), then commits the new
 * checkpoint together with the batch's parked reactions (compare-and-set, so a stale runner never
 * moves it back). A crash between a command and the commit only means the batch is delivered again,
 * and the engine answers the repeated command ids as duplicates: each reaction happens once. With
 * `leases`, only the lease holder works; another takes over once a dead holder's lease expires.
 * Does I/O.
 * @example
 * const runner = runReactor({ engine, store, reactor: payOnApproval });
 * await runner.waitFor((await store.head()).globalPosition);
 * await runner.stop();
 */
export const runReactor = (options: RunReactorOptions): ReactorRunner => {
  const { store, reactor, leases } = options;
  const name = reactorProjectionName(reactor);
  const sleep = options.sleep ?? timerSleep;
  const deps = {
    handle: (input: unknown, ids?: HandleOptions) => options.engine.handle(input, ids),
    retry: { ...DEFAULT_REACTOR_RETRY, ...options.retry },
    random: options.random ?? cryptoRandom,
    sleep,
  };
  const types = new Set(reactor.on);

  /** Reacts to the batch's events while working; stops early when stopped or the lease is lost. */
  const work = async (
    events: readonly StoredEvent[],
    from: number,
    working: () => Promise<boolean>,
  ): Promise<BatchDone> => {
    let last = from;
    const parked: ParkedReaction[] = [];
    for (const event of events) {
      if (!(await working())) break;
      if (types.has(event.type)) {
        const r = await reactToEvent(deps, reactor, event);
        if (r._tag === 'Parked') parked.push(r.parked);
      }
      last = event.globalPosition;
    }
    return {
      through: last,
      upserts: parked.map((p) => ({ key: p.eventId, value: p })),
      committed: () => {
        for (const p of parked) options.onParked?.(p);
        options.onCommit?.(last);
      },
    };
  };

  /** Retries the parked reactions marked by `requestParkedRetry` (when idle and holding the lease). */
  const retryRequested = async ({ stopped, owning }: WorkerState): Promise<void> => {
    if (!owning()) return;
    for (const p of await listParkedReactions(store, reactor.name)) {
      if (stopped() || p.retryRequested !== true) continue;
      const r = await retryParkedReaction({
        ...deps,
        engine: options.engine,
        store,
        reactor,
        eventId: p.eventId,
        retry: deps.retry,
      });
      if (r._tag === 'Parked') options.onParked?.(r.parked);
    }
  };

  return runLeasedWorker({
    name,
    label: `reactor ${reactor.name}`,
    store,
    leases,
    batchSize: options.batchSize ?? 100,
    pollIntervalMs: options.pollIntervalMs ?? 100,
    sleep,
    now: options.now ?? (() => performance.now()),
    onOwnership: options.onOwnership,
    work,
    idle: retryRequested,
  });
};
