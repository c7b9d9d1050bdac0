import type { StoredEvent } from './EventEnvelope.js';
import type { ReadAllOptions, Subscription } from './EventStore.js';

/** What `createSubscription` needs from a store: its `readAll`, and optionally a way to be woken. */
export interface CreateSubscriptionOptions {
  /** The store's `readAll`; called again from the checkpoint after every wake-up. */
  readonly readAll: (options: ReadAllOptions) => AsyncIterable<StoredEvent>;
  /** Deliver events after this global position (0 = from the start). */
  readonly after: number;
  /** Called once per event, in global order; the next event waits for its promise. */
  readonly handler: (event: StoredEvent) => void | Promise<void>;
  /** Events per `readAll` batch (default 500). */
  readonly batchSize?: number;
  /** How long to wait for new events before looking again without a notification (default 50 ms). */
  readonly pollIntervalMs?: number;
  /** Registers `wake` to be called when events are appended; returns the unregister function. */
  readonly onNotify?: (wake: () => void) => () => void;
}

/** Default events per batch of a subscription's reads. */
const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 500;
/** Default poll interval of a subscription, in milliseconds. */
const DEFAULT_POLL_INTERVAL_MS = 50;

interface Waiter {
  readonly position: number;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

const asError = (u: unknown): Error => (u instanceof Error ? u : new Error(String(u)));

const checkPositiveInt = (name: string, n: number): void => {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`createSubscription: ${name} must be a positive integer (got ${n})`);
};

/**
 * A catch-up-then-live subscription over any store's `readAll`: reads from the checkpoint, awaits the
 * handler for each event strictly in global order, then sleeps until a notification or the poll interval
 * (the timer is unref'd, so it never keeps a process alive). A handler or read error stops it and
 * rejects `done` (which is marked handled: observe `done` or `waitFor` to learn of it). Does I/O.
 * @example
 * const sub = createSubscription({ readAll: (o) => store.readAll(o), after: 0, handler: project });
 * await sub.waitFor(10); await sub.stop();
 */
export const createSubscription = (options: CreateSubscriptionOptions): Subscription => {
  const { readAll, handler, onNotify } = options;
  const batchSize = options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH_SIZE;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  if (!Number.isSafeInteger(options.after) || options.after < 0)
    throw new Error(
      `createSubscription: after must be a non-negative integer (got ${options.after})`,
    );
  checkPositiveInt('batchSize', batchSize);
  checkPositiveInt('pollIntervalMs', pollIntervalMs);

  let checkpoint = options.after;
  let stopped = false;
  let failure: { readonly error: unknown } | undefined;
  let woken = false;
  let wakeSleeper: (() => void) | undefined;
  let waiters: Waiter[] = [];

  const wake = (): void => {
    woken = true;
    wakeSleeper?.();
  };
  const unsubscribe = onNotify?.(wake);

  const settleWaiters = (): void => {
    if (waiters.length === 0) return;
    const due = waiters.filter((w) => w.position <= checkpoint);
    waiters = waiters.filter((w) => w.position > checkpoint);
    for (const w of due) w.resolve();
  };

  const sleep = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), pollIntervalMs);
      timer.unref();
      const finish = (): void => {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      };
      wakeSleeper = finish;
    });

  const deliverAvailable = async (): Promise<void> => {
    for await (const event of readAll({ after: checkpoint, batchSize })) {
      if (stopped) return;
      if (event.globalPosition <= checkpoint) continue;
      await handler(event);
      checkpoint = event.globalPosition;
      settleWaiters();
    }
  };

  const run = async (): Promise<void> => {
    try {
      while (!stopped) {
        woken = false;
        await deliverAvailable();
        if (!stopped && !woken) await sleep();
      }
    } catch (error) {
      failure = { error };
      stopped = true;
      throw error;
    } finally {
      unsubscribe?.();
      const pending = waiters;
      waiters = [];
      const reason =
        failure !== undefined
          ? asError(failure.error)
          : new Error(`subscription stopped at position ${checkpoint}`);
      for (const w of pending) w.reject(reason);
    }
  };

  const done = run();
  // Handling `done` here keeps an unobserved handler error from crashing the process.
  const finished = done.then(
    () => undefined,
    () => undefined,
  );

  return {
    position: () => checkpoint,
    waitFor: (position) => {
      if (position <= checkpoint) return Promise.resolve();
      if (failure !== undefined) return Promise.reject(asError(failure.error));
      if (stopped)
        return Promise.reject(new Error(`subscription stopped at position ${checkpoint}`));
      return new Promise<void>((resolve, reject) => {
        waiters.push({ position, resolve, reject });
      });
    },
    stop: () => {
      stopped = true;
      wakeSleeper?.();
      return finished;
    },
    done,
  };
};
