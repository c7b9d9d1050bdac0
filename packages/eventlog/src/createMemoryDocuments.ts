import * as E from 'fp-ts/lib/Either.js';
import type { DocumentWrite } from './applyInlineProjections.js';
import { attempt } from './attempt.js';
import { assertProjectionCommit, assertSnapshot } from './assertProjectionCommit.js';
import { compareKeys } from './compareKeys.js';
import { deepFreeze } from './deepFreeze.js';
import type { JsonValue } from './json.js';
import {
  checkpointConflict,
  type DocumentUpsert,
  type ProjectionDocuments,
} from './ProjectionDocuments.js';
import type { Snapshot, SnapshotStore } from './SnapshotStore.js';

/** The in-memory documents, checkpoints and snapshots behind `createMemoryEventStore`. */
export interface MemoryDocuments extends ProjectionDocuments, SnapshotStore {
  /** The stored document, frozen (for inline projections). */
  readonly current: (projection: string, key: string) => JsonValue | undefined;
  /** Writes inline projection results; the caller has validated them. */
  readonly write: (writes: readonly DocumentWrite[]) => void;
}

const frozenCopy = <T>(v: T): T => deepFreeze(structuredClone(v));

/**
 * Projection documents (with CAS checkpoints) and snapshots held in maps. Values are copied in and
 * frozen, so callers never share mutable state with the store. `assertOpen` throws once the store is
 * closed. Does I/O only in the sense of mutating its own state.
 */
export const createMemoryDocuments = (assertOpen: () => void): MemoryDocuments => {
  const documents = new Map<string, Map<string, JsonValue>>();
  const checkpoints = new Map<string, number>();
  const snapshots = new Map<string, Map<string, Snapshot>>();
  const docsOf = (projection: string): Map<string, JsonValue> => {
    const docs = documents.get(projection) ?? new Map<string, JsonValue>();
    documents.set(projection, docs);
    return docs;
  };

  return {
    current: (projection, key) => documents.get(projection)?.get(key),
    write: (writes) => {
      for (const w of writes) docsOf(w.projection).set(w.key, frozenCopy(w.value));
    },
    readDocument: (projection, key) =>
      attempt(() => {
        assertOpen();
        return documents.get(projection)?.get(key);
      }),
    readDocuments: async function* (projection): AsyncIterable<DocumentUpsert> {
      assertOpen();
      const docs = documents.get(projection);
      if (docs === undefined) return;
      const keys = [...docs.keys()].sort(compareKeys);
      for (const key of keys) {
        await Promise.resolve();
        const value = docs.get(key);
        if (value !== undefined) yield { key, value };
      }
    },
    readCheckpoint: (projection) =>
      attempt(() => {
        assertOpen();
        return checkpoints.get(projection) ?? 0;
      }),
    commitProjection: (commit) =>
      attempt(() => {
        assertOpen();
        assertProjectionCommit(commit);
        const actual = checkpoints.get(commit.projection) ?? 0;
        if (actual !== commit.expectedCheckpoint)
          return E.left(checkpointConflict(commit.projection, commit.expectedCheckpoint, actual));
        const copies = commit.upserts.map((u) => [u.key, frozenCopy(u.value)] as const);
        const docs = docsOf(commit.projection);
        for (const [key, value] of copies) docs.set(key, value);
        for (const key of commit.deletes) docs.delete(key);
        checkpoints.set(commit.projection, commit.checkpoint);
        return E.right(undefined);
      }),
    resetProjection: (projection) =>
      attempt(() => {
        assertOpen();
        documents.delete(projection);
        checkpoints.delete(projection);
      }),
    loadSnapshot: (streamId, key) =>
      attempt(() => {
        assertOpen();
        return snapshots.get(streamId)?.get(key);
      }),
    saveSnapshot: (snapshot) =>
      attempt(() => {
        assertOpen();
        assertSnapshot(snapshot);
        const copy = frozenCopy({
          streamId: snapshot.streamId,
          key: snapshot.key,
          streamPosition: snapshot.streamPosition,
          eventHash: snapshot.eventHash,
          state: snapshot.state,
          digest: snapshot.digest,
        });
        const byKey = snapshots.get(snapshot.streamId) ?? new Map<string, Snapshot>();
        byKey.set(snapshot.key, copy);
        snapshots.set(snapshot.streamId, byKey);
      }),
  };
};
