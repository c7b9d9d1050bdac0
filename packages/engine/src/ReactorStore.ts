import type { EventStore, ProjectionDocuments } from '@strive/eventlog';

/**
 * What a reactor needs from a store: the log's `readAll` and `readEvent`, and a projection's
 * checkpoint and documents (where its checkpoint and parked reactions live). Every store fits.
 */
export type ReactorStore = Pick<EventStore, 'readAll' | 'readEvent'> &
  Pick<
    ProjectionDocuments,
    'readCheckpoint' | 'commitProjection' | 'readDocument' | 'readDocuments'
  >;

/** A held lease on a reactor (PostgreSQL's `acquireLease` gives one): renew it, release it. */
export interface ReactorLease {
  /** Grows at every change of owner. */
  readonly token: number;
  /** Extends the lease; false when another owner took it meanwhile (stop working then). */
  readonly renew: () => Promise<boolean>;
  readonly release: () => Promise<void>;
}

/**
 * How several processes agree on one active runner per reactor: `acquire` tries to take the lease
 * named after the reactor (undefined while another owner holds a live one); `leaseMs` is its length,
 * renewed every third of it. On PostgreSQL: `postgresLeases(store, { owner, leaseMs })`.
 */
export interface ReactorLeases {
  readonly acquire: (name: string) => Promise<ReactorLease | undefined>;
  readonly leaseMs: number;
}
