import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { AppendError, AppendResult, InlineProjection } from '@strive/eventlog';
import {
  concurrencyConflict,
  type PreparedRequest,
  satisfiesExpectedVersion,
  storeUnavailable,
} from '@strive/eventlog/adapter';
import type { Pool, PoolClient } from 'pg';
import type { AppendCache } from './appendCache.js';
import type { AppendSql } from './appendSql.js';
import { appendTransaction } from './appendTransaction.js';
import { checkout, type CheckedOut } from './checkout.js';
import { decodeRows } from './decodeRows.js';
import {
  describeError,
  isConnectionError,
  isRetryableTransaction,
  isUniqueViolation,
} from './pgErrors.js';
import { PgInt } from './rowCodecs.js';

/** What `appendPrepared` needs from its store. */
export interface AppendContext {
  readonly pool: Pool;
  readonly sql: AppendSql;
  readonly channel: string;
  /** The head and versions this store saw last, which appends plan against first. */
  readonly cache: AppendCache;
  /** Extra attempts after a broken connection, a serialization failure or a racing duplicate id. */
  readonly maxRetries: number;
  readonly beforeCommit?: ((client: PoolClient) => Promise<void>) | undefined;
}

const VersionRow = t.strict({ stream_id: t.string, version: PgInt });

/** After a unique violation on (stream, position): which stream moved, and to which version. */
const conflictOf = async (ctx: AppendContext, requests: readonly PreparedRequest[]) => {
  const res = await ctx.pool.query({
    ...ctx.sql.streamVersions,
    values: [requests.map((r) => r.streamId)],
  });
  const actual = new Map(
    decodeRows(VersionRow, res.rows, 'events').map((r) => [r.stream_id, r.version]),
  );
  const moved =
    requests.find(
      (r) => !satisfiesExpectedVersion(r.expectedVersion, actual.get(r.streamId) ?? 0),
    ) ??
    requests.find((r) => r.events.length > 0) ??
    requests[0];
  if (moved === undefined) throw new Error('store-postgres: unique violation on an empty append');
  return concurrencyConflict(
    moved.streamId,
    moved.expectedVersion,
    actual.get(moved.streamId) ?? 0,
  );
};

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs an append transaction, retrying it (with the same event ids) after a broken connection, a
 * serialization failure or a duplicate id that raced in; because `planAppend` answers a repeated batch
 * as a duplicate, a retry after a COMMIT whose reply was lost stores nothing twice. A unique violation
 * on (stream, position) becomes a `ConcurrencyConflict`; a connection that stays broken becomes
 * `StoreUnavailable` (whose outcome may be unknown: retry with the same event ids). Does I/O.
 */
export const appendPrepared = async (
  ctx: AppendContext,
  requests: readonly PreparedRequest[],
  inline: readonly InlineProjection[],
): Promise<E.Either<AppendError, readonly AppendResult[]>> => {
  for (let attempt = 0; ; attempt += 1) {
    const last = attempt >= ctx.maxRetries;
    let held: CheckedOut;
    try {
      held = await checkout(ctx.pool);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (last) return E.left(storeUnavailable(describeError(error)));
      await pause(25 * (attempt + 1));
      continue;
    }
    let broken: Error | undefined;
    try {
      return await appendTransaction(held.client, { ...ctx, requests, inline });
    } catch (error) {
      if (isConnectionError(error))
        broken = error instanceof Error ? error : new Error(String(error));
      if (isUniqueViolation(error, 'events_stream_position_key'))
        return E.left(await conflictOf(ctx, requests));
      const retryable =
        broken !== undefined ||
        isRetryableTransaction(error) ||
        isUniqueViolation(error, 'events_event_id_key');
      if (!retryable) throw error;
      if (last)
        return E.left(
          storeUnavailable(
            `${describeError(error)}; the outcome may be unknown: retry with the same event ids`,
          ),
        );
    } finally {
      held.release(broken);
    }
    await pause(25 * (attempt + 1));
  }
};
