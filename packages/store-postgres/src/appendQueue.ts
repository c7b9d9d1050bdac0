import * as E from 'fp-ts/lib/Either.js';
import type { AppendError, AppendResult } from '@strive/eventlog';
import type { PreparedRequest } from '@strive/eventlog/adapter';
import { appendPayload, decodeAppendReply } from './appendPayload.js';
import { appendPrepared, type AppendContext } from './appendPrepared.js';
import { checkout } from './checkout.js';
import { isConnectionError } from './pgErrors.js';
import { planGroups } from './planGroups.js';

type Outcome = E.Either<AppendError, readonly AppendResult[]>;

interface Pending {
  readonly requests: readonly PreparedRequest[];
  readonly resolve: (o: Outcome) => void;
  readonly reject: (e: unknown) => void;
}

/** Resolves after the I/O callbacks and microtasks already queued have run. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Most appends written together in one statement. */
const MAX_GROUPS = 256;

/**
 * Writes concurrent appends as one `append_events` statement, planned one after another on the
 * cached state, then (after a miss) on the state the database reported. `undefined` when they cannot
 * all be written that way (a conflict, a duplicate, two misses, an error): the caller then runs each
 * alone, which retries, classifies errors and answers a write that did commit as a duplicate. Does I/O.
 */
const appendGrouped = async (
  ctx: AppendContext,
  groups: readonly (readonly PreparedRequest[])[],
): Promise<readonly (readonly AppendResult[])[] | undefined> => {
  const held = await checkout(ctx.pool).catch(() => undefined);
  if (held === undefined) return undefined;
  let broken: Error | undefined;
  try {
    let snapshot = ctx.cache.guess(groups.flat());
    for (let attempt = 0; attempt < 2; attempt++) {
      const planned = planGroups(groups, snapshot);
      if (planned === undefined) return undefined;
      const payload = appendPayload(planned.requests, planned.assumed, planned.write, ctx.channel);
      const res = await held.client.query({ ...ctx.sql.call, values: [payload] });
      const reply = decodeAppendReply(res.rows);
      if (reply.ok) {
        const last = planned.write.rows[planned.write.rows.length - 1];
        if (last !== undefined)
          ctx.cache.learn(
            { globalPosition: last.globalPosition, hash: last.hash },
            planned.write.results.map((r) => [r.streamId, r.streamVersion] as const),
          );
        return planned.results;
      }
      ctx.cache.learn(reply.state.head, reply.state.versions);
      snapshot = reply.state;
    }
    return undefined;
  } catch (error) {
    if (isConnectionError(error))
      broken = error instanceof Error ? error : new Error(String(error));
    return undefined;
  } finally {
    held.release(broken);
  }
};

/**
 * A per-store append queue: while one append (or group) is being written, the appends that arrive
 * wait and are then written together in one statement and one commit (group commit in the client),
 * each keeping its own expected version, idempotency and result, in their order of arrival. After a
 * group, it waits one turn of the event loop so that the writers it answered can join the next group.
 * With a single writer it adds nothing but a promise per append. Does I/O.
 */
export const createAppendQueue = (ctx: AppendContext) => {
  let pending: Pending[] = [];
  let running = false;
  const single = (p: Pending): Promise<void> =>
    appendPrepared(ctx, p.requests, []).then(p.resolve, p.reject);
  const round = async (batch: readonly Pending[]): Promise<void> => {
    const [only] = batch;
    if (batch.length === 1 && only !== undefined) return single(only);
    const written = await appendGrouped(
      ctx,
      batch.map((p) => p.requests),
    );
    if (written === undefined) {
      for (const p of batch) await single(p);
      return;
    }
    batch.forEach((p, i) => p.resolve(E.right(written[i] ?? [])));
  };
  const drain = async (): Promise<void> => {
    running = true;
    try {
      let concurrent = false;
      for (;;) {
        // After a round with company, let its appenders queue their next appends first: otherwise
        // they miss the next round, and concurrent writers alternate between two half-size groups.
        if (concurrent) await nextTurn();
        if (pending.length === 0) return;
        const batch = pending.slice(0, MAX_GROUPS);
        pending = pending.slice(MAX_GROUPS);
        await round(batch);
        concurrent = batch.length > 1 || pending.length > 0;
      }
    } finally {
      running = false;
    }
  };
  return (requests: readonly PreparedRequest[]): Promise<Outcome> =>
    new Promise<Outcome>((resolve, reject) => {
      pending.push({ requests, resolve, reject });
      if (!running) void drain();
    });
};
