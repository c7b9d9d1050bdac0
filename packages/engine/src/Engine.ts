import type { EventLog, ProjectionDocuments, SnapshotStore } from '@strive/eventlog';
import type { CommandOutcome } from './CommandOutcome.js';
import type { AnyCommand } from './defineCommand.js';
import type { AnyProjection, Projection } from './defineProjection.js';
import type { OutcomeReport } from './OutcomeReport.js';
import type { HandleOptions } from './Principal.js';
import type { AnyEventSpecs, Workflow, WorkflowState } from './Workflow.js';

/**
 * How a command that lost a version race is decided again (docs/engine-design.md, "Concurrency"): until
 * a time budget is spent, holding the stream that lost, pausing by decorrelated jitter when unlocked.
 */
export interface RetryOptions {
  /** No new attempt starts this long after `handle` began (default 30,000 ms). */
  readonly budgetMs: number;
  /** The smallest pause between unlocked attempts (default 5 ms). */
  readonly baseDelayMs: number;
  /** The largest pause between unlocked attempts (default 200 ms). */
  readonly maxDelayMs: number;
  /** Attempts in all, as well as the budget (default: no limit but the budget). */
  readonly maxAttempts: number;
  /**
   * `on-conflict` (default): after a lost race, retries run one at a time per stream in this process
   * and, on a store with `withStreamLock` (PostgreSQL), under that stream's lock across processes.
   * `never`: retries race freely (expected versions still decide every append).
   */
  readonly streamLock: 'on-conflict' | 'never';
}

/** What `createEngine` takes. `random` and `sleep` are the only effects besides the store. */
export interface EngineOptions {
  /** The event log: a store, or a decorator over one (only the 8 `EventLog` methods are used). */
  readonly store: EventLog;
  /**
   * Where snapshots are kept (default: `store` itself when it has them, `hasSnapshots`). Without
   * any, every load folds the whole stream.
   */
  readonly snapshots?: SnapshotStore;
  /**
   * Where projections keep documents and checkpoints (default: `store` itself when it has them,
   * `hasProjectionDocuments`). Required by `projections`, `tick`, `project` and `rebuild`; inline
   * projections are written by `store.appendMany`, so pass the documents of the same store.
   */
  readonly documents?: ProjectionDocuments;
  readonly commands: readonly AnyCommand[];
  readonly projections?: readonly AnyProjection[];
  /** Save a snapshot of a stream every N events (default 100; 0 disables snapshots). */
  readonly snapshotEvery?: number;
  /** Default `{ budgetMs: 30_000, baseDelayMs: 5, maxDelayMs: 200, maxAttempts: Infinity, streamLock: 'on-conflict' }`. */
  readonly retry?: Partial<RetryOptions>;
  /** Uniform in [0, 1), for retry jitter (default: node:crypto). */
  readonly random?: () => number;
  /** Waits between retries (default: setTimeout). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** A monotonic clock in ms, for the retry budget (default: `performance.now`). */
  readonly now?: () => number;
  /**
   * Streams whose state is kept in process between commands (default 10,000; 0 disables). A command is
   * first decided on cached states without reading them; only an accepted append (its expected versions
   * prove them current) ends it there, anything else is decided again on states read from the store.
   */
  readonly stateCacheSize?: number;
  /** Events per batch (and per immer draft) when catching projections up (default 500). */
  readonly projectionBatchSize?: number;
  /** How far ahead of `handle`'s `now` a command's `at` may be, in ms (default 60,000; rule `clock.skew`). */
  readonly maxClockSkewMs?: number;
  /**
   * OpenTelemetry spans and metrics (docs/guides/observability.md). `true` (default): reported to the
   * global API when the optional peer `@opentelemetry/api` is installed, a no-op until the host
   * registers an SDK (register it before `createEngine`); `false`: nothing is reported.
   */
  readonly telemetry?: boolean;
  /**
   * When the command span records (an SDK is registered), a command handled without a
   * `correlationId` gets its trace id as one: stored in every event's `metadata.correlationId`, so
   * the events lead back to their trace (default false).
   */
  readonly traceIdAsCorrelationId?: boolean;
  /** Called after every `handle` with its outcome, duration and attempts, for plain logging. */
  readonly onOutcome?: (report: OutcomeReport) => void;
}

/** A read model's documents, after catching up to `checkpoint`. All methods do I/O. */
export interface ReadModel<D> {
  readonly projection: string;
  /** The last global position folded (inline projections: the log head when read). */
  readonly checkpoint: number;
  get(key: string): Promise<D | undefined>;
  /** Every document, ordered by key. */
  all(): Promise<ReadonlyArray<{ readonly key: string; readonly value: D }>>;
}

/** One timer `tick` fired. */
export interface FiredTimer {
  readonly timerId: string;
  readonly streamId: string;
  readonly commandId: string;
  readonly outcome: CommandOutcome;
}

/** What `tick` did: the timers it fired, in `fireAt` order. */
export interface TickResult {
  readonly fired: readonly FiredTimer[];
}

/** The engine: handles commands, loads states, fires timers, runs projections. Every method does I/O. */
export interface Engine {
  /**
   * Decodes, admits (`auth.principal` against `options.principal`, `clock.skew` against
   * `options.now`), checks idempotency, decides and appends a command; never throws for expected
   * failures. Without options the input is trusted as written.
   */
  handle(input: unknown, options?: HandleOptions): Promise<CommandOutcome>;
  /** A stream's current state (snapshot + tail). */
  load<C, Ev extends AnyEventSpecs>(
    workflow: Workflow<C, Ev>,
    streamId: string,
  ): Promise<WorkflowState<C>>;
  /** Fires every timer due at `now` (ISO-8601 with offset, or a Date) and records `TimerFired`. */
  tick(now: string | Date): Promise<TickResult>;
  /** Catches a projection up (async) and returns its read model. */
  project<D>(projection: Projection<D>): Promise<ReadModel<D>>;
  /** Deletes a projection's documents and checkpoint and folds it again from position 0. */
  rebuild<D>(projection: Projection<D>): Promise<ReadModel<D>>;
}
