import { hostname } from 'node:os';
import { runReactor, type Engine, type ReactorRunner } from '@strive/engine';
import { postgresLeases, type PostgresEventStore } from '@strive/store-postgres';
import { payApprovedClaims } from './payApprovedClaims.js';

/** Runs the payments reactor in this process, as one of any number of leased workers. Does I/O. */
export const runPaymentsWorker = (store: PostgresEventStore, engine: Engine): ReactorRunner =>
  // #region postgres
  runReactor({
    engine,
    store,
    reactor: payApprovedClaims,
    leases: postgresLeases(store, { owner: `${hostname()}:${process.pid}`, leaseMs: 5000 }),
  });
// #endregion postgres
