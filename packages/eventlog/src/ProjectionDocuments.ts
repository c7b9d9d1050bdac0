import type { Either } from 'fp-ts/lib/Either.js';
import type { StoredEvent } from './EventEnvelope.js';
import type { JsonValue } from './json.js';

/**
 * A read model kept inside the append transaction: for each appended event whose `keyOf` gives a key,
 * the store loads the document at (name, key), applies `apply` and writes the result, atomically with
 * the events. Both functions must be pure and `apply` must return plain JSON; if either throws, the
 * append rejects with that error and writes nothing. Stores use `applyInlineProjections`. Inline
 * projections do not move a checkpoint, and a duplicate (idempotent) append does not apply them again.
 */
export interface InlineProjection {
  readonly name: string;
  readonly keyOf: (event: StoredEvent) => string | undefined;
  readonly apply: (document: JsonValue | undefined, event: StoredEvent) => JsonValue;
}

/** One document write of an async projection's commit. */
export interface DocumentUpsert {
  readonly key: string;
  readonly value: JsonValue;
}

/** An async projection's batch: documents written and checkpoint moved, in one transaction. */
export interface ProjectionCommit {
  readonly projection: string;
  /** The checkpoint the writer read; the commit fails if another writer moved it meanwhile. */
  readonly expectedCheckpoint: number;
  /** The new checkpoint (a global position, never below `expectedCheckpoint`). */
  readonly checkpoint: number;
  /** Documents to write; a key may appear once across `upserts` and `deletes`. */
  readonly upserts: readonly DocumentUpsert[];
  readonly deletes: readonly string[];
}

/** Another writer moved the projection's checkpoint: nothing was written. */
export interface CheckpointConflict {
  readonly _tag: 'CheckpointConflict';
  readonly projection: string;
  readonly expected: number;
  readonly actual: number;
}

/** Builds a `CheckpointConflict`. Pure. */
export const checkpointConflict = (
  projection: string,
  expected: number,
  actual: number,
): CheckpointConflict => ({
  _tag: 'CheckpointConflict',
  projection,
  expected,
  actual,
});

/** Whether a value is a `CheckpointConflict`. Pure. */
export const isCheckpointConflict = (u: unknown): u is CheckpointConflict =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'CheckpointConflict';

/** Where projections keep their documents and checkpoints (all methods do I/O). */
export interface ProjectionDocuments {
  readDocument(projection: string, key: string): Promise<JsonValue | undefined>;
  /** Every document of a projection in batches, ordered by key in Unicode code point order (`compareKeys`). */
  readDocuments(projection: string): AsyncIterable<DocumentUpsert>;
  /** The projection's checkpoint: the last global position it has folded (0 = none). */
  readCheckpoint(projection: string): Promise<number>;
  /**
   * Writes documents and moves the checkpoint atomically, compare-and-set on the checkpoint. Throws on a
   * malformed commit (`assertProjectionCommit`).
   */
  commitProjection(commit: ProjectionCommit): Promise<Either<CheckpointConflict, void>>;
  /** Deletes a projection's documents and checkpoint, so it can be rebuilt from position 0. */
  resetProjection(projection: string): Promise<void>;
}

const DOCUMENT_METHODS = [
  'readDocument',
  'readDocuments',
  'readCheckpoint',
  'commitProjection',
  'resetProjection',
] as const;

/**
 * Whether a store also keeps projection documents (the bundled stores do; a decorator over the log
 * alone does not). Pure.
 * @example const documents = hasProjectionDocuments(store) ? store : undefined;
 */
export const hasProjectionDocuments = <S extends object>(
  store: S,
): store is S & ProjectionDocuments =>
  DOCUMENT_METHODS.every((m) => typeof Reflect.get(store, m) === 'function');
