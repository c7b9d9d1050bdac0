import type { Database } from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalJson,
  type CheckpointConflict,
  type DocumentUpsert,
  type ProjectionCommit,
  type ProjectionDocuments,
} from '@strive/eventlog';
import { assertProjectionCommit, checkpointConflict } from '@strive/eventlog/adapter';
import { readDocument } from './readDocument.js';
import { decodeJsonColumn, decodePosition, rowOf } from './decodeValues.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';
import type { Statements } from './prepareStatements.js';
import { promised } from './promised.js';

const BATCH = 500;

/**
 * The projection-document half of the port on one connection: documents and checkpoints in their
 * own tables; a commit is one `BEGIN IMMEDIATE` transaction with compare-and-set on the checkpoint.
 * `run` wraps each write with the store's busy retries. Does I/O.
 */
export const projectionDocuments = (
  db: Database,
  st: Statements,
  run: <A>(work: () => A) => Promise<A>,
): ProjectionDocuments => {
  const checkpointOf = (projection: string): number => {
    const v: unknown = st.readCheckpoint.get(projection);
    return v === undefined ? 0 : decodePosition(v, `checkpoint of ${projection}`);
  };
  const commit = db.transaction((c: ProjectionCommit): E.Either<CheckpointConflict, void> => {
    const actual = checkpointOf(c.projection);
    if (actual !== c.expectedCheckpoint)
      return E.left(checkpointConflict(c.projection, c.expectedCheckpoint, actual));
    for (const u of c.upserts) st.upsertDocument.run(c.projection, u.key, canonicalJson(u.value));
    for (const key of c.deletes) st.deleteDocument.run(c.projection, key);
    st.writeCheckpoint.run(c.projection, c.checkpoint);
    return E.right(undefined);
  });
  const reset = db.transaction((projection: string): void => {
    st.deleteDocuments.run(projection);
    st.deleteCheckpoint.run(projection);
  });

  async function* readDocuments(projection: string): AsyncGenerator<DocumentUpsert> {
    let rows: unknown[] = st.readDocumentsFirst.all(projection, BATCH);
    for (;;) {
      let lastKey: string | undefined;
      for (const row of rows) {
        const [key, text] = rowOf(row);
        if (typeof key !== 'string') throw new Error(`a document key of ${projection} is not text`);
        lastKey = key;
        yield { key, value: decodeJsonColumn(text, `document ${projection}/${key}`) };
      }
      if (rows.length < BATCH || lastKey === undefined) return;
      await yieldToEventLoop();
      rows = st.readDocuments.all(projection, lastKey, BATCH);
    }
  }

  return {
    readDocument: (projection, key) => promised(() => readDocument(st, projection, key)),
    readDocuments,
    readCheckpoint: (projection) => promised(() => checkpointOf(projection)),
    commitProjection: (c) =>
      promised(() => assertProjectionCommit(c)).then(() => run(() => commit.immediate(c))),
    resetProjection: (projection) => run(() => reset.immediate(projection)),
  };
};
