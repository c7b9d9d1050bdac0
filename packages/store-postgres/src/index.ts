export { createPostgresEventStore, type PostgresEventStore } from './createPostgresEventStore.js';
export type { PostgresStoreOptions } from './PostgresStoreOptions.js';
export { DEFAULT_SCHEMA, validateSchemaName } from './schemaName.js';
export { MIGRATIONS, type Migration } from './migrations.js';
