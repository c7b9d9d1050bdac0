import * as t from 'io-ts';
import {
  canonicalJson,
  type InlineProjection,
  type JsonValue,
  type StoredEvent,
} from '@strive/eventlog';
import { applyInlineProjections, inlineDocumentKeys } from '@strive/eventlog/adapter';
import type { PoolClient } from 'pg';
import type { AppendSql } from './appendSql.js';
import { decodeRows } from './decodeRows.js';
import { JsonValueText } from './rowCodecs.js';

const DocumentRow = t.strict({ projection: t.string, key: t.string, value: JsonValueText });

/**
 * Applies inline projections to the events an append is writing, inside its transaction: loads the
 * documents the events touch (one query), folds the events in order with the shared
 * `applyInlineProjections`, and writes the results (one query). A projection that throws or returns
 * something that is not JSON throws, which rolls the append back. Does I/O.
 */
export const writeInlineProjections = async (
  client: PoolClient,
  sql: AppendSql,
  inline: readonly InlineProjection[],
  events: readonly StoredEvent[],
): Promise<void> => {
  const keys = inlineDocumentKeys(inline, events);
  if (keys.length === 0) return;
  const res = await client.query({
    ...sql.loadDocuments,
    values: [keys.map((k) => k.projection), keys.map((k) => k.key)],
  });
  const loaded = new Map<string, JsonValue>();
  const id = (projection: string, key: string): string => JSON.stringify([projection, key]);
  for (const row of decodeRows(DocumentRow, res.rows, 'projection_documents'))
    loaded.set(id(row.projection, row.key), row.value);
  const writes = applyInlineProjections(inline, events, (p, k) => loaded.get(id(p, k)));
  await client.query({
    ...sql.upsertDocuments,
    values: [
      writes.map((w) => w.projection),
      writes.map((w) => w.key),
      writes.map((w) => canonicalJson(w.value)),
    ],
  });
};
