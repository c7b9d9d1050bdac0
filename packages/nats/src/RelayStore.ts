import type { EventStore, ProjectionDocuments } from '@strive/eventlog';
import type { WorkerLease, WorkerLeases } from '@strive/eventlog/adapter';

/** What the relay needs from a store: `readAll`, and a checkpoint (kept as a projection's). */
export type RelayStore = Pick<EventStore, 'readAll'> &
  Pick<ProjectionDocuments, 'readCheckpoint' | 'commitProjection'>;

/** A held lease (PostgreSQL's `acquireLease` gives one). */
export type RelayLease = WorkerLease;

/**
 * One active relay per name across processes: `acquire` tries to take the named lease, `leaseMs` is
 * its length (renewed every third of it). On PostgreSQL: `postgresLeases(store, { owner })`.
 */
export type RelayLeases = WorkerLeases;

/** The part of a JetStream client the relay publishes with (`jetstream(nc)` from `@nats-io/jetstream` fits). */
export interface RelayPublisher {
  publish(
    subject: string,
    payload: Uint8Array,
    options: { readonly msgID: string },
  ): Promise<{ readonly seq: number; readonly duplicate: boolean }>;
}
