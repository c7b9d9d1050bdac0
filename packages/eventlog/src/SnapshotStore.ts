import type { JsonValue } from './json.js';

/** A stream's folded state at a position, stamped so a stale one is never trusted. */
export interface Snapshot {
  readonly streamId: string;
  /** Identifies the code that folded it (workflow name, version, machine hash). */
  readonly key: string;
  readonly streamPosition: number;
  readonly state: JsonValue;
}

/** Where snapshots live (all methods do I/O). One snapshot per (stream, key); saving replaces it. */
export interface SnapshotStore {
  loadSnapshot(streamId: string, key: string): Promise<Snapshot | undefined>;
  saveSnapshot(snapshot: Snapshot): Promise<void>;
}
