import type { Database } from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import {
  type AppendError,
  type AppendResult,
  canonicalJson,
  type InlineProjection,
} from '@strive/eventlog';
import {
  applyInlineProjections,
  planAppend,
  type PreparedRequest,
  type StoredRow,
} from '@strive/eventlog/adapter';
import { readDocument } from './readDocument.js';
import { decodeEventRow } from './decodeEventRow.js';
import { appendCache } from './appendCache.js';
import type { Statements } from './prepareStatements.js';

/** Thrown inside the transaction to roll it back when an event id turns out to be stored already. */
class StoredIdFound extends Error {}

type Outcome = E.Either<AppendError, readonly AppendResult[]>;

/**
 * Builds the write path: one `BEGIN IMMEDIATE` transaction that reads what `planAppend` needs, asks
 * it for a decision and writes the planned rows and inline projection documents. Stored ids are
 * looked up only when needed (a conflict, or an insert that finds its id taken, which rolls back and
 * replans with the lookup), so the common case costs no per-event index probe. Inline projections
 * fold the new events with `applyInlineProjections`; one that throws rolls everything back. The head
 * and stream versions come from an `appendCache` checked with `PRAGMA data_version`. The returned function
 * is synchronous and throws SQLite errors (busy included) for the caller to retry or report. Does I/O.
 */
export const appendTransaction = (
  db: Database,
  st: Statements,
): ((requests: readonly PreparedRequest[], inline: readonly InlineProjection[]) => Outcome) => {
  const cache = appendCache(st);
  const storedEvents = (requests: readonly PreparedRequest[]): Map<string, StoredRow> => {
    const existing = new Map<string, StoredRow>();
    for (const r of requests)
      for (const e of r.events) {
        const row: unknown = st.eventById.get(e.eventId);
        if (row !== undefined) existing.set(e.eventId, decodeEventRow(row));
      }
    return existing;
  };

  const body = (
    requests: readonly PreparedRequest[],
    inline: readonly InlineProjection[],
    lookUpIds: boolean,
  ): Outcome => {
    cache.sync();
    const versions = new Map<string, number>();
    for (const r of requests) versions.set(r.streamId, cache.version(r.streamId));
    const head = cache.head();
    let plan = planAppend(requests, {
      versions,
      existing: storedEvents(lookUpIds ? requests : []),
      head,
    });
    if (!lookUpIds && E.isLeft(plan) && plan.left._tag === 'ConcurrencyConflict')
      plan = planAppend(requests, { versions, existing: storedEvents(requests), head });
    if (E.isLeft(plan)) return plan;
    if (plan.right._tag === 'Duplicate') return E.right(plan.right.results);
    if (!st.insertRows(plan.right.rows)) throw new StoredIdFound();
    if (inline.length > 0) {
      const events = plan.right.results.flatMap((r) => r.events);
      const writes = applyInlineProjections(inline, events, (p, k) => readDocument(st, p, k));
      for (const w of writes) st.upsertDocument.run(w.projection, w.key, canonicalJson(w.value));
    }
    return E.right(plan.right.results);
  };

  const tx = db.transaction(body);
  const attempt = (
    requests: readonly PreparedRequest[],
    inline: readonly InlineProjection[],
    lookUpIds: boolean,
  ): Outcome => {
    let outcome: Outcome;
    try {
      outcome = tx.immediate(requests, inline, lookUpIds);
    } catch (e) {
      cache.clear();
      throw e;
    }
    if (E.isRight(outcome) && outcome.right.some((r) => !r.duplicate))
      cache.committed(outcome.right);
    return outcome;
  };
  return (requests, inline) => {
    try {
      return attempt(requests, inline, false);
    } catch (e) {
      if (!(e instanceof StoredIdFound)) throw e;
      return attempt(requests, inline, true);
    }
  };
};
