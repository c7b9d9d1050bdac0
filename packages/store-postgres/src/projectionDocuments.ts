import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  canonicalJson,
  type CheckpointConflict,
  type DocumentUpsert,
  type JsonValue,
  JsonValueCodec,
  type ProjectionCommit,
  type ProjectionDocuments,
} from '@strive/eventlog';
import { assertProjectionCommit, checkpointConflict } from '@strive/eventlog/adapter';
import type { Pool } from 'pg';
import type * as pg from 'pg';
import { decodeRows } from './decodeRows.js';
import { PgInt, JsonValueText } from './rowCodecs.js';
import { inTransaction } from './inTransaction.js';
import { KEY_ORDER_PREFIX } from './appendFunctionMigration.js';

const BATCH = 1000;
const DocumentRow = t.strict({ key: t.string, value: JsonValueText });
const CheckpointRow = t.strict({ checkpoint: PgInt });

const sqlFor = (s: string) =>
  ({
    read: `SELECT key, value FROM ${s}.projection_documents WHERE projection = $1 AND key_hash = ${s}.stream_key($2)`,
    // Key order (COLLATE "C") from the index on (projection, left(key, 200) COLLATE "C"): keys that
    // share their first 200 characters are ordered by the whole key (an incremental sort of a few rows).
    firstPage: `SELECT key, value FROM ${s}.projection_documents WHERE projection = $1
  ORDER BY left(key, ${KEY_ORDER_PREFIX}) COLLATE "C", key COLLATE "C" LIMIT $2`,
    nextPage: `SELECT key, value FROM ${s}.projection_documents
  WHERE projection = $1 AND left(key, ${KEY_ORDER_PREFIX}) COLLATE "C" >= left($2, ${KEY_ORDER_PREFIX})
    AND (left(key, ${KEY_ORDER_PREFIX}) COLLATE "C" > left($2, ${KEY_ORDER_PREFIX}) OR key COLLATE "C" > $2)
  ORDER BY left(key, ${KEY_ORDER_PREFIX}) COLLATE "C", key COLLATE "C" LIMIT $3`,
    checkpoint: `SELECT checkpoint FROM ${s}.projection_checkpoints WHERE projection = $1`,
    lockCheckpoint: `INSERT INTO ${s}.projection_checkpoints (projection, checkpoint) VALUES ($1, 0)
  ON CONFLICT (projection) DO UPDATE SET checkpoint = ${s}.projection_checkpoints.checkpoint RETURNING checkpoint`,
    upsert: `INSERT INTO ${s}.projection_documents (projection, key, value)
  SELECT $1, * FROM unnest($2::text[], $3::text[])
  ON CONFLICT (projection, key_hash) DO UPDATE SET value = EXCLUDED.value`,
    delete: `DELETE FROM ${s}.projection_documents
  WHERE projection = $1 AND key_hash = ANY (SELECT ${s}.stream_key(k) FROM unnest($2::text[]) AS k)`,
    move: `UPDATE ${s}.projection_checkpoints SET checkpoint = $2 WHERE projection = $1`,
    resetDocuments: `DELETE FROM ${s}.projection_documents WHERE projection = $1`,
    resetCheckpoint: `DELETE FROM ${s}.projection_checkpoints WHERE projection = $1`,
  }) as const;

/** One `[key, value]` row of a page: the key as text, the value parsed and checked as JSON. */
const decodeDocument = (row: readonly unknown[]): DocumentUpsert => {
  const [key, text] = row;
  let value: unknown;
  try {
    value = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    value = undefined;
  }
  if (typeof key !== 'string' || !JsonValueCodec.is(value))
    throw new Error('store-postgres: unexpected row in projection_documents: not a key and JSON');
  return { key, value };
};

const checkCommit = (c: ProjectionCommit): readonly string[] => {
  assertProjectionCommit(c);
  return c.upserts.map((u) => canonicalJson(u.value));
};

/**
 * The projection-document half of the port: documents and checkpoints in their own tables. A commit is
 * one transaction that locks the checkpoint row, compares it with `expectedCheckpoint` (a
 * `CheckpointConflict` when another writer moved it: nothing is written), then writes documents and the
 * new checkpoint, so checkpoints never move backwards. Does I/O.
 */
export const projectionDocuments = (
  pool: Pool,
  schema: string,
  ready: () => Promise<void>,
): ProjectionDocuments => {
  const sql = sqlFor(schema);
  async function* readDocuments(projection: string): AsyncGenerator<DocumentUpsert> {
    await ready();
    let after: string | undefined;
    for (;;) {
      const res: pg.QueryResult<unknown[]> =
        after === undefined
          ? await pool.query({ text: sql.firstPage, values: [projection, BATCH], rowMode: 'array' })
          : await pool.query({
              text: sql.nextPage,
              values: [projection, after, BATCH],
              rowMode: 'array',
            });
      const rows = res.rows.map(decodeDocument);
      yield* rows;
      const last = rows[rows.length - 1];
      if (rows.length < BATCH || last === undefined) return;
      after = last.key;
    }
  }
  return {
    readDocument: async (projection, key): Promise<JsonValue | undefined> => {
      await ready();
      const res = await pool.query(sql.read, [projection, key]);
      return decodeRows(DocumentRow, res.rows, 'projection_documents')[0]?.value;
    },
    readDocuments,
    readCheckpoint: async (projection) => {
      await ready();
      const res = await pool.query(sql.checkpoint, [projection]);
      return decodeRows(CheckpointRow, res.rows, 'projection_checkpoints')[0]?.checkpoint ?? 0;
    },
    commitProjection: async (c): Promise<E.Either<CheckpointConflict, void>> => {
      const values = checkCommit(c);
      await ready();
      return inTransaction(pool, async (client) => {
        const res = await client.query(sql.lockCheckpoint, [c.projection]);
        const actual =
          decodeRows(CheckpointRow, res.rows, 'projection_checkpoints')[0]?.checkpoint ?? 0;
        if (actual !== c.expectedCheckpoint)
          return {
            commit: false,
            value: E.left(checkpointConflict(c.projection, c.expectedCheckpoint, actual)),
          };
        if (c.upserts.length > 0)
          await client.query(sql.upsert, [c.projection, c.upserts.map((u) => u.key), values]);
        if (c.deletes.length > 0) await client.query(sql.delete, [c.projection, c.deletes]);
        await client.query(sql.move, [c.projection, c.checkpoint]);
        return { commit: true, value: E.right(undefined) };
      });
    },
    resetProjection: async (projection) => {
      await ready();
      await inTransaction(pool, async (client) => {
        await client.query(sql.resetDocuments, [projection]);
        await client.query(sql.resetCheckpoint, [projection]);
        return { commit: true, value: undefined };
      });
    },
  };
};
