import * as E from 'fp-ts/lib/Either.js';
import type { AppendError, AppendResult } from '@strive/eventlog';
import { planAppend, type PreparedRequest } from '@strive/eventlog/adapter';
import { appendPayload, decodeAppendReply } from './appendPayload.js';
import type { AppendContext } from './appendPrepared.js';
import { learnState, learnWrite, replyRows, writeOf } from './appendTransaction.js';
import type { LockSession } from './streamLocks.js';

/**
 * An append made inside `withStreamLock` on the lock's own connection, planned on the cached head and
 * versions (a stream read under the lock has just taught them), written and committed in ONE round
 * trip: `append_events(...); COMMIT` under a transaction-scoped lock (which that ends, so the next
 * writer in line gets the lock as the events commit), or the autocommitted `append_events` under a
 * kept session lock. `undefined` when it cannot be done that way (no write to make, a missed guess, an
 * SQL error): the lock's transaction, if any, is ended and the caller appends as usual, where expected
 * versions still decide. Does I/O.
 */
export const appendUnderLock = async (
  ctx: AppendContext,
  session: LockSession,
  requests: readonly PreparedRequest[],
): Promise<E.Either<AppendError, readonly AppendResult[]> | undefined> => {
  const snapshot = ctx.cache.guess(requests);
  const write = writeOf(planAppend(requests, snapshot));
  if (write === undefined || write.rows.length === 0) return undefined;
  const { client } = session;
  session.ended = true;
  const payload = appendPayload(requests, snapshot, write, ctx.channel);
  try {
    const res = session.inTransaction
      ? await client.query(`${ctx.sql.callLiteral(client.escapeLiteral(payload))}; COMMIT`)
      : await client.query({ ...ctx.sql.call, values: [payload] });
    const reply = decodeAppendReply(replyRows(res, 0));
    if (reply.ok) {
      learnWrite(ctx, write);
      return E.right(write.results);
    }
    learnState(ctx, reply.state);
    return undefined;
  } catch {
    // The statement failed (inside the lock's transaction: end it); the usual path classifies the error.
    if (session.inTransaction)
      await client.query('ROLLBACK').catch((e: unknown) => (session.broken = e));
    return undefined;
  }
};
