import type { EventStore, ProjectionDocuments } from '@strive/eventlog';
import type { WorkerLease, WorkerLeases } from '@strive/eventlog/adapter';

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
export type ReactorLease = WorkerLease;

/**
 * How several processes agree on one active runner per reactor: `acquire` tries to take the lease
 * named after the reactor (undefined while another owner holds a live one); `leaseMs` is its length,
 * renewed every third of it. On PostgreSQL: `postgresLeases(store, { owner, leaseMs })`.
 */
export type ReactorLeases = WorkerLeases;
