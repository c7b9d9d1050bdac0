import {
  validateJson,
  type DocumentUpsert,
  type EventLog,
  type ProjectionDocuments,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { castDraft, Immer } from 'immer';
import type { Projection } from './defineProjection.js';

/** Runs one projection batch's fold and commit (`projectionTelemetry` makes it a span). */
export type BatchTracer = (
  projection: string,
  after: number,
  events: number,
  run: () => Promise<void>,
) => Promise<void>;

const untraced: BatchTracer = (_p, _a, _e, run) => run();

const immer = new Immer({ autoFreeze: false });
const JSON_LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 };

/** The document key an event updates, when the projection has a recipe for its type. Pure. */
export const keyFor = <D>(projection: Projection<D>, event: StoredEvent): string | undefined =>
  Object.prototype.hasOwnProperty.call(projection.apply, event.type)
    ? projection.keyOf(event)
    : undefined;

const readBatch = async (store: EventLog, after: number, size: number): Promise<StoredEvent[]> => {
  const batch: StoredEvent[] = [];
  for await (const e of store.readAll({ after, batchSize: size })) {
    if (e.globalPosition <= after) continue;
    batch.push(e);
    if (batch.length >= size) break;
  }
  return batch;
};

/** Reads a stored document, refusing one that fails the projection's guard. Does I/O. */
export const readDocumentOf = async <D>(
  store: ProjectionDocuments,
  projection: Projection<D>,
  key: string,
): Promise<D | undefined> => {
  const doc = await store.readDocument(projection.storageName, key);
  if (doc === undefined) return undefined;
  if (!projection.isDocument(doc))
    throw new Error(
      `${projection.storageName}: document "${key}" fails isDocument; rebuild the projection`,
    );
  return doc;
};

/** Folds one batch into its documents with ONE immer draft, returning the changed documents. Does I/O (reads). */
const foldBatch = async <D>(
  documents: ProjectionDocuments,
  projection: Projection<D>,
  batch: readonly StoredEvent[],
): Promise<DocumentUpsert[]> => {
  const keys = new Set<string>();
  for (const e of batch) {
    const key = keyFor(projection, e);
    if (key !== undefined) keys.add(key);
  }
  if (keys.size === 0) return [];
  // Keys are prefixed so that a document key such as "__proto__" stays an ordinary property.
  const base: Record<string, D> = {};
  for (const key of keys)
    base[`k:${key}`] =
      (await readDocumentOf(documents, projection, key)) ?? projection.initial(key);
  const draft = immer.createDraft(base);
  for (const e of batch) {
    const key = keyFor(projection, e);
    const recipe = projection.apply[e.type];
    const doc = key === undefined ? undefined : draft[`k:${key}`];
    if (recipe === undefined || key === undefined || doc === undefined) continue;
    const next = recipe(doc, e.data, e);
    if (next !== undefined) draft[`k:${key}`] = castDraft(next);
  }
  const done = immer.finishDraft(draft);
  return [...keys].map((key) => {
    const json = validateJson(done[`k:${key}`], `${projection.storageName}.${key}`, JSON_LIMITS);
    if (E.isLeft(json))
      throw new Error(
        `${projection.storageName}: document "${key}" is not JSON: ${json.left.reason}`,
      );
    return { key, value: json.right };
  });
};

/**
 * Catches an async projection up to the log head: batches of `batchSize` events, one immer draft per
 * batch, documents and checkpoint committed together (compare-and-set); a batch another writer already
 * committed is dropped and reading resumes from the new checkpoint, so redelivery is harmless.
 * Returns the checkpoint reached. Does I/O.
 */
export const catchUpProjection = async <D>(
  log: EventLog,
  documents: ProjectionDocuments,
  projection: Projection<D>,
  batchSize: number,
  traceBatch: BatchTracer = untraced,
): Promise<number> => {
  for (;;) {
    const checkpoint = await documents.readCheckpoint(projection.storageName);
    const batch = await readBatch(log, checkpoint, batchSize);
    const last = batch[batch.length - 1];
    if (last === undefined) return checkpoint;
    await traceBatch(projection.storageName, checkpoint, batch.length, async () => {
      const upserts = await foldBatch(documents, projection, batch);
      // A CheckpointConflict means another writer committed this batch: read on from its checkpoint.
      await documents.commitProjection({
        projection: projection.storageName,
        expectedCheckpoint: checkpoint,
        checkpoint: last.globalPosition,
        upserts,
        deletes: [],
      });
    });
  }
};
