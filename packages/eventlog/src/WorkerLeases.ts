/** A held lease (PostgreSQL's `acquireLease` gives one): renew it, release it. */
export interface WorkerLease {
  /** Grows at every change of owner. */
  readonly token: number;
  /** Extends the lease; false when another owner took it meanwhile (stop working then). */
  readonly renew: () => Promise<boolean>;
  readonly release: () => Promise<void>;
}

/**
 * How several processes agree on one active worker per name: `acquire` tries to take the named lease
 * (undefined while another owner holds a live one); `leaseMs` is its length, renewed every third of
 * it. On PostgreSQL: `postgresLeases(store, { owner, leaseMs })`.
 */
export interface WorkerLeases {
  readonly acquire: (name: string) => Promise<WorkerLease | undefined>;
  readonly leaseMs: number;
}
