import * as E from 'fp-ts/lib/Either.js';
import type { AppendError, AppendResult, InlineProjection } from '@strive/eventlog';
import { type AppendSnapshot, planAppend, type PreparedRequest } from '@strive/eventlog/adapter';
import type { PoolClient, QueryResult } from 'pg';
import type { AppendCache } from './appendCache.js';
import {
  appendPayload,
  decodeAppendReply,
  type AppendReply,
  type PlannedWrite,
} from './appendPayload.js';
import type { AppendSql } from './appendSql.js';
import { writeInlineProjections } from './inlineProjections.js';
import { isUniqueViolation } from './pgErrors.js';

/** What one append needs besides its client. */
export interface AppendTransactionInput {
  readonly sql: AppendSql;
  readonly channel: string;
  readonly cache: AppendCache;
  readonly requests: readonly PreparedRequest[];
  readonly inline: readonly InlineProjection[];
  /** Runs inside the transaction just before COMMIT; throwing rolls the append back. */
  readonly beforeCommit?: ((client: PoolClient) => Promise<void>) | undefined;
}

type Outcome = E.Either<AppendError, readonly AppendResult[]>;

/** Single-statement attempts (planned on the cache, then on what a miss reported) before locking. */
const OPTIMISTIC_ATTEMPTS = 2;

/** The write a plan makes, if it makes one. Pure. */
export const writeOf = (plan: ReturnType<typeof planAppend>): PlannedWrite | undefined =>
  E.isRight(plan) && plan.right._tag === 'Write' ? plan.right : undefined;

const resultsOf = (plan: ReturnType<typeof planAppend>): Outcome =>
  E.map((p: { readonly results: readonly AppendResult[] }) => p.results)(plan);

/** Teaches the cache the head and versions a committed write left. */
export const learnWrite = (
  input: Pick<AppendTransactionInput, 'cache'>,
  write: PlannedWrite,
): void => {
  const last = write.rows[write.rows.length - 1];
  if (last !== undefined)
    input.cache.learn(
      { globalPosition: last.globalPosition, hash: last.hash },
      write.results.map((r) => [r.streamId, r.streamVersion] as const),
    );
};

/** Teaches the cache the state a missed guess reported. */
export const learnState = (
  input: Pick<AppendTransactionInput, 'cache'>,
  state: AppendSnapshot,
): void => input.cache.learn(state.head, state.versions);

/** The result of a multi-statement simple query that ends with (or is) `SELECT ... AS r`. */
export const replyRows = (res: QueryResult | QueryResult[], index: number): unknown[] =>
  (Array.isArray(res) ? res[index] : res)?.rows ?? [];

/**
 * One autocommitted `append_events` call. A batch id that is already stored makes `UNIQUE (event_id)`
 * refuse the whole statement (`append_events` does not probe for it first): the state, stored rows
 * included, is then read for `planAppend` to answer the duplicate or the conflict. Does I/O.
 */
const callAppend = async (
  client: PoolClient,
  input: AppendTransactionInput,
  payload: string,
): Promise<AppendReply> => {
  try {
    return decodeAppendReply((await client.query({ ...input.sql.call, values: [payload] })).rows);
  } catch (error) {
    if (!isUniqueViolation(error, 'events_event_id_key')) throw error;
    const { requests, cache, channel, sql } = input;
    const stateOnly = appendPayload(requests, cache.guess(requests), undefined, channel);
    return decodeAppendReply((await client.query({ ...sql.call, values: [stateOnly] })).rows);
  }
};

/**
 * Pessimistic append: `BEGIN` and the locked state read in one round trip, `planAppend`, then the
 * write and `COMMIT` in one more (or write, inline projections, `beforeCommit`, COMMIT). The head lock
 * is held from the first reply to the end of COMMIT. Does I/O.
 */
const lockedAppend = async (
  client: PoolClient,
  input: AppendTransactionInput,
): Promise<Outcome> => {
  const { requests, channel, sql } = input;
  const stateOnly = appendPayload(requests, input.cache.guess(requests), undefined, channel, true);
  const begun = await client.query(`BEGIN; ${sql.callLiteral(client.escapeLiteral(stateOnly))}`);
  const locked = decodeAppendReply(replyRows(begun, 1));
  if (locked.ok) throw new Error('store-postgres: append_events wrote on a state-only call');
  learnState(input, locked.state);
  const plan = planAppend(requests, locked.state);
  const write = writeOf(plan);
  if (write === undefined || write.rows.length === 0) {
    await client.query('ROLLBACK');
    return resultsOf(plan);
  }
  const payload = appendPayload(requests, locked.state, write, channel);
  const simple = input.inline.length === 0 && input.beforeCommit === undefined;
  const res = simple
    ? await client.query(`${sql.callLiteral(client.escapeLiteral(payload))}; COMMIT`)
    : await client.query({ ...sql.call, values: [payload] });
  if (!decodeAppendReply(replyRows(res, 0)).ok)
    throw new Error('store-postgres: the log head moved while it was locked');
  if (!simple) {
    if (input.inline.length > 0)
      await writeInlineProjections(
        client,
        sql,
        input.inline,
        write.results.flatMap((r) => r.events),
      );
    if (input.beforeCommit !== undefined) await input.beforeCommit(client);
    await client.query('COMMIT');
  }
  learnWrite(input, write);
  return E.right(write.results);
};

/**
 * One append on `client`. Without inline projections or `beforeCommit` it is first tried as single
 * statements: plan on the cached head and versions, and let `append_events` check that guess under
 * the head lock and write in the same statement (one round trip, the lock held only inside the
 * server); a miss returns the actual state, planned on once more. Then (or with inline projections or
 * a hook) it runs `lockedAppend`. Either way positions are allocated under the head lock and commit
 * in order, and every decision comes from `planAppend` on state read under that lock. SQL errors are
 * thrown for the caller to classify. Does I/O.
 */
export const appendTransaction = async (
  client: PoolClient,
  input: AppendTransactionInput,
): Promise<Outcome> => {
  const { requests, channel } = input;
  if (input.inline.length === 0 && input.beforeCommit === undefined) {
    let snapshot = input.cache.guess(requests);
    let authoritative = false;
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const plan = planAppend(requests, snapshot);
      const write = writeOf(plan);
      if (authoritative && (write === undefined || write.rows.length === 0)) return resultsOf(plan);
      const reply = await callAppend(
        client,
        input,
        appendPayload(requests, snapshot, write, channel),
      );
      if (reply.ok && write !== undefined) {
        learnWrite(input, write);
        return E.right(write.results);
      }
      if (reply.ok) throw new Error('store-postgres: append_events wrote on a state-only call');
      learnState(input, reply.state);
      snapshot = reply.state;
      authoritative = true;
    }
  }
  try {
    return await lockedAppend(client, input);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};
