import * as t from 'io-ts';
import type { AppendResult } from '@strive/eventlog';
import type { AppendSnapshot, PreparedRequest, StoredRow } from '@strive/eventlog/adapter';
import { decodeRows } from './decodeRows.js';
import { decodeEventRow, EVENT_ROW_COLUMNS } from './decodeEventRow.js';
import { PgInt } from './rowCodecs.js';

/** The rows and results of a `Write` plan, as `append_events` writes them. */
export interface PlannedWrite {
  readonly rows: readonly StoredRow[];
  readonly results: readonly AppendResult[];
}

/**
 * The JSON argument of `append_events`: what the plan assumed (head, stream versions, no stored ids)
 * and, for `write`, the rows, stream versions and head to write. Without `write` it asks only for the
 * state (head -1 never matches); with `lock` too, it locks the head first (inside a transaction). Pure.
 */
export const appendPayload = (
  requests: readonly PreparedRequest[],
  assumed: AppendSnapshot,
  write: PlannedWrite | undefined,
  channel: string,
  lock = false,
): string => {
  const last = write?.rows[write.rows.length - 1];
  return JSON.stringify({
    lock,
    head: write === undefined ? -1 : assumed.head.globalPosition,
    hash: assumed.head.hash,
    streams: requests.map((r) => ({
      id: r.streamId,
      version: assumed.versions.get(r.streamId) ?? 0,
    })),
    ids: requests.flatMap((r) => r.events.map((e) => e.eventId)),
    rows: (write?.rows ?? []).map((r) => ({
      global_position: r.globalPosition,
      event_id: r.eventId,
      stream_id: r.streamId,
      stream_position: r.streamPosition,
      type: r.type,
      schema_version: r.schemaVersion,
      data: r.dataJson,
      metadata: r.metadataJson,
      prev_hash: r.prevHash,
      hash: r.hash,
    })),
    after: (write?.results ?? [])
      .filter((r) => r.events.length > 0)
      .map((r) => ({ id: r.streamId, version: r.streamVersion })),
    newHead: last?.globalPosition ?? 0,
    newHash: last?.hash ?? '',
    channel,
  });
};

const EVENT_FIELDS = EVENT_ROW_COLUMNS.split(', ');

const ReplyCodec = t.union([
  t.strict({ ok: t.literal(true) }),
  t.strict({
    ok: t.literal(false),
    head: PgInt,
    hash: t.string,
    versions: t.array(t.strict({ stream_id: t.string, version: PgInt })),
    existing: t.array(t.UnknownRecord),
  }),
]);

/** What `append_events` answered: written, or the actual state to plan again from. */
export type AppendReply =
  { readonly ok: true } | { readonly ok: false; readonly state: AppendSnapshot };

/** A row of `SELECT append_events(...) AS r`, built once (io-ts names a codec when it is built). */
const ReplyRow = t.strict({ r: ReplyCodec });

/** Decodes the rows of `SELECT append_events(...) AS r` (throws on anything else). Pure. */
export const decodeAppendReply = (rows: readonly unknown[]): AppendReply => {
  const [row] = decodeRows(ReplyRow, rows, 'append_events');
  if (row === undefined) throw new Error('store-postgres: append_events returned no row');
  const reply = row.r;
  if (reply.ok) return { ok: true };
  return {
    ok: false,
    state: {
      head: { globalPosition: reply.head, hash: reply.hash },
      versions: new Map(reply.versions.map((v) => [v.stream_id, v.version])),
      existing: new Map(
        reply.existing.map((e) => {
          const row = decodeEventRow(
            EVENT_FIELDS.map((f) => e[f]),
            true,
          );
          return [row.eventId, row];
        }),
      ),
    },
  };
};
