import type { StoredEvent } from './EventEnvelope.js';
import type { EventLog } from './EventStore.js';
import type { DocumentUpsert, ProjectionDocuments } from './ProjectionDocuments.js';
import type { WorkerLeases } from './WorkerLeases.js';

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
