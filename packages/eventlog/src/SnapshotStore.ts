import type { JsonValue } from './json.js';

/**
 * A stream's folded state at a position, stamped so a stale one is never trusted: bound to the event it
 * was taken at (`streamPosition` and that event's `eventHash`) and sealed with a `digest` of all of it
 * (`sealSnapshot`), so an edited row is noticed. A digest anyone can recompute catches careless or
 * naive edits only; `strive verify` re-derives snapshots from the log and catches the rest.
 */
export interface Snapshot {
  readonly streamId: string;
  /** Identifies the code that folded it (workflow name, version, machine hash). */
  readonly key: string;
  readonly streamPosition: number;
  /** The hash of the stream's event at `streamPosition` (`GENESIS_HASH` at position 0). */
  readonly eventHash: string;
  readonly state: JsonValue;
  /** SHA-256 (hex) of the canonical JSON of every other field (`snapshotDigest`). */
  readonly digest: string;
}

/** Where snapshots live (all methods do I/O). One snapshot per (stream, key); saving replaces it. */
export interface SnapshotStore {
  loadSnapshot(streamId: string, key: string): Promise<Snapshot | undefined>;
  saveSnapshot(snapshot: Snapshot): Promise<void>;
}

/**
 * Whether a store also keeps snapshots (the bundled stores do; a decorator over the log alone does
 * not). Pure.
 * @example const snapshots = hasSnapshots(store) ? store : undefined;
 */
export const hasSnapshots = <S extends object>(store: S): store is S & SnapshotStore =>
  'loadSnapshot' in store &&
  typeof store.loadSnapshot === 'function' &&
  'saveSnapshot' in store &&
  typeof store.saveSnapshot === 'function';
