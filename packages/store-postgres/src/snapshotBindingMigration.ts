import type { Migration } from './migrations.js';

/**
 * Migration 6: snapshots bound to the event they were taken at (its hash) and sealed with a digest.
 * Rows written before it get '' in both, whose digest never matches: the engine rebuilds them.
 */
export const SNAPSHOT_BINDING_MIGRATION: Migration = {
  version: 6,
  name: 'snapshots bound to their event hash and sealed with a digest',
  sql: (s) => `
ALTER TABLE ${s}.snapshots ADD COLUMN event_hash text NOT NULL DEFAULT '';
ALTER TABLE ${s}.snapshots ADD COLUMN digest text NOT NULL DEFAULT '';`,
};
