import { createEngine, type Engine } from '@strive/engine';
import { createPostgresEventStore, type PostgresEventStore } from '@strive/store-postgres';
import { claimCommands } from '../claimCommands.js';
import { claimsProjection } from '../claimsProjection.js';

// #region worker
/**
 * What each worker process opens: its own pool on the shared database, and its own engine. Any
 * number of them may handle commands at once (expected versions + retries keep every stream
 * consistent; the log head orders everything globally). Does no I/O until used.
 */
export const openClaimsOnPostgres = (
  connectionString: string,
  schema = 'claims',
): { readonly store: PostgresEventStore; readonly engine: Engine } => {
  const store = createPostgresEventStore({ connectionString, schema, poolSize: 4 });
  const engine = createEngine({
    store,
    commands: claimCommands,
    projections: [claimsProjection],
    retry: { maxAttempts: 20, baseDelayMs: 5 }, // many workers on one hot stream
  });
  return { store, engine };
};
// #endregion worker
