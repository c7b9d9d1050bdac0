export {
  createSqliteEventStore,
  openSqliteEventStore,
  type SqliteEventStore,
} from './createSqliteEventStore.js';
export type { Durability, SqliteStoreOptions } from './SqliteStoreOptions.js';
export type { SqliteStoreSettings } from './readSettings.js';
export {
  SqliteOpenError,
  cannotOpen,
  describeOpenFailure,
  isCannotOpen,
  isSchemaTooNew,
  schemaTooNew,
  type CannotOpen,
  type SchemaTooNew,
  type SqliteOpenFailure,
} from './SqliteOpenFailure.js';
export { StoreUnavailableError } from './promised.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './schemaMigrations.js';
