import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  planAppend,
  type AppendError,
  type AppendResult,
  type InlineProjection,
  type PreparedRequest,
  type StoredRow,
} from '@strive/eventlog';
import type { PoolClient } from 'pg';
import type { AppendSql } from './appendSql.js';
import { decodeRows } from './decodeRows.js';
import { writeInlineProjections } from './inlineProjections.js';
import { EventRowCodec, PgInt, toStoredRow } from './rowCodecs.js';

const HeadRow = t.strict({ global_position: PgInt, hash: t.string });
const StateRow = t.strict({
  versions: t.array(t.strict({ stream_id: t.string, version: PgInt })),
  existing: t.array(EventRowCodec),
});

/** What one append transaction needs besides its client. */
export interface AppendTransactionInput {
  readonly sql: AppendSql;
  readonly channel: string;
  readonly requests: readonly PreparedRequest[];
  readonly inline: readonly InlineProjection[];
  /** Runs inside the transaction just before COMMIT; throwing rolls the append back. */
  readonly beforeCommit?: ((client: PoolClient) => Promise<void>) | undefined;
}

const writeParams = (
  rows: readonly StoredRow[],
  results: readonly AppendResult[],
  channel: string,
) => {
  const last = rows[rows.length - 1];
  return [
    rows.map((r) => r.globalPosition),
    rows.map((r) => r.eventId),
    rows.map((r) => r.streamId),
    rows.map((r) => r.streamPosition),
    rows.map((r) => r.type),
    rows.map((r) => r.schemaVersion),
    rows.map((r) => r.dataJson),
    rows.map((r) => r.metadataJson),
    rows.map((r) => r.prevHash),
    rows.map((r) => r.hash),
    results.map((r) => r.streamId),
    results.map((r) => r.streamVersion),
    last?.globalPosition ?? 0,
    last?.hash ?? '',
    channel,
    String(last?.globalPosition ?? 0),
  ];
};

/**
 * One append transaction on `client`: locks the log-head row (serialising position allocation, so
 * positions commit in order and the hash chain extends the true head), reads the streams' versions and
 * any already stored event ids, lets `planAppend` decide, then writes events, stream versions and the
 * new head, applies inline projections and announces the new head with NOTIFY. Commits on a write,
 * rolls back otherwise. SQL errors are thrown for the caller to classify. Does I/O.
 */
export const appendTransaction = async (
  client: PoolClient,
  input: AppendTransactionInput,
): Promise<E.Either<AppendError, readonly AppendResult[]>> => {
  const { sql, requests } = input;
  await client.query('BEGIN');
  try {
    const headRes = await client.query({ ...sql.lockHead, values: [] });
    const [head] = decodeRows(HeadRow, headRes.rows, 'log_head');
    if (head === undefined) throw new Error('store-postgres: the log_head row is missing');
    const ids = requests.flatMap((r) => r.events.map((e) => e.eventId));
    const stateRes = await client.query({
      ...sql.readState,
      values: [requests.map((r) => r.streamId), ids],
    });
    const [state] = decodeRows(StateRow, stateRes.rows, 'streams/events');
    if (state === undefined) throw new Error('store-postgres: the state query returned no row');
    const plan = planAppend(requests, {
      versions: new Map(state.versions.map((v) => [v.stream_id, v.version])),
      existing: new Map(state.existing.map((row) => [row.event_id, toStoredRow(row)])),
      head: { globalPosition: head.global_position, hash: head.hash },
    });
    if (E.isLeft(plan) || plan.right._tag === 'Duplicate' || plan.right.rows.length === 0) {
      await client.query('ROLLBACK');
      return E.map((p: { readonly results: readonly AppendResult[] }) => p.results)(plan);
    }
    const { rows, results } = plan.right;
    await client.query({ ...sql.write, values: writeParams(rows, results, input.channel) });
    if (input.inline.length > 0)
      await writeInlineProjections(
        client,
        sql,
        input.inline,
        results.flatMap((r) => r.events),
      );
    if (input.beforeCommit !== undefined) await input.beforeCommit(client);
    await client.query('COMMIT');
    return E.right(results);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};
