import type { Database } from 'better-sqlite3';
import type { CheckpointMode } from './walCheckpointer.js';

/** What the connection is actually running with, read back from SQLite. */
export interface SqliteStoreSettings {
  readonly path: string;
  /** `wal` for a file, `memory` for `':memory:'`. */
  readonly journalMode: string;
  /** `PRAGMA synchronous` as SQLite reports it: `OFF`, `NORMAL`, `FULL` or `EXTRA`. */
  readonly synchronous: string;
  readonly busyTimeoutMs: number;
  readonly schemaVersion: number;
  /** `PRAGMA wal_autocheckpoint` of this connection (4,000 once a background checkpointer runs). */
  readonly walAutocheckpoint: number;
  /** Where checkpoints run, whether the background worker has started and how many it ran. */
  readonly checkpoint: {
    readonly mode: CheckpointMode;
    readonly started: boolean;
    readonly checkpoints: number;
  };
}

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** Reads the pragmas in force on a connection. Does I/O. */
export const readSettings = (
  db: Database,
  path: string,
  schemaVersion: number,
  checkpoint: SqliteStoreSettings['checkpoint'],
): SqliteStoreSettings => {
  const level: unknown = db.pragma('synchronous', { simple: true });
  const journalMode: unknown = db.pragma('journal_mode', { simple: true });
  const busy: unknown = db.pragma('busy_timeout', { simple: true });
  const autocheckpoint: unknown = db.pragma('wal_autocheckpoint', { simple: true });
  return {
    path,
    journalMode: String(journalMode),
    synchronous: (typeof level === 'number' ? SYNCHRONOUS[level] : undefined) ?? String(level),
    busyTimeoutMs: typeof busy === 'number' ? busy : Number(busy),
    schemaVersion,
    walAutocheckpoint: Number(autocheckpoint),
    checkpoint,
  };
};
