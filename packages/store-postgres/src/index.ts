export { createPostgresEventStore, type PostgresEventStore } from './createPostgresEventStore.js';
export type { PostgresStoreOptions } from './PostgresStoreOptions.js';
export { DEFAULT_SCHEMA, validateSchemaName } from './schemaName.js';
export { connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS } from './connectTimeout.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { acquireLease, type Lease, type LeaseHost, type LeaseOptions } from './acquireLease.js';
export {
  runProjectionWorker,
  type ProjectionWorker,
  type ProjectionWorkerOptions,
} from './runProjectionWorker.js';
export {
  postgresLeases,
  type PostgresLeases,
  type PostgresLeasesOptions,
} from './postgresLeases.js';
