import { existsSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { createMemoryEventStore, type EventStore } from '@strive/eventlog';
import { CliError } from './CliError.js';
import { describeDbTarget, type DbTarget } from './dbTarget.js';

/**
 * Whether a command only reads: then the store is opened read-only (nothing created, migrated or
 * changed; a missing file or another application's file is refused untouched).
 */
export type StoreAccess = 'read' | 'write';

/**
 * Opens the event store a `--db` target names, ready to use (PostgreSQL connected, and migrated for
 * writing; a connect timeout of 5 s unless the URL's `connect_timeout` says otherwise), or fails with
 * a one-line `CliError`. Does I/O.
 */
export const openStore = async (target: DbTarget, access: StoreAccess): Promise<EventStore> => {
  switch (target.kind) {
    case 'memory':
      return createMemoryEventStore();
    case 'sqlite': {
      if (access === 'read' && !existsSync(target.path))
        throw new CliError(
          `no store at ${target.path} (run \`strive run FILE --db ${target.path}\` first)`,
        );
      // Loaded only for SQLite targets: \`better-sqlite3\` costs a sixth of the start of commands that
      // read no store (\`replay FILE\`, \`generate\`, \`diagram\`).
      const { describeOpenFailure, openSqliteEventStore } = await import('@strive/store-sqlite');
      const opened = openSqliteEventStore({ path: target.path, readOnly: access === 'read' });
      if (E.isLeft(opened)) throw new CliError(describeOpenFailure(opened.left));
      return opened.right;
    }
    case 'postgres': {
      // Loaded only for PostgreSQL targets: it costs a fifth of every CLI start otherwise.
      const { createPostgresEventStore } = await import('@strive/store-postgres');
      let store;
      try {
        store = createPostgresEventStore({
          connectionString: target.url,
          readOnly: access === 'read',
        });
      } catch (e) {
        throw new CliError(e instanceof Error ? e.message : String(e));
      }
      try {
        await store.head();
      } catch (e) {
        await store.close().catch(() => undefined);
        const why = e instanceof Error ? e.message : String(e);
        const hint = /timeout/i.test(why)
          ? ' (no answer within the connect timeout: 5 s, or connect_timeout=SECONDS in the URL)'
          : '';
        throw new CliError(`cannot use PostgreSQL at ${describeDbTarget(target)}: ${why}${hint}`);
      }
      return store;
    }
  }
};
