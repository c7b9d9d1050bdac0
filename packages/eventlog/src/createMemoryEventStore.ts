import * as E from 'fp-ts/lib/Either.js';
import { attempt } from './attempt.js';
import { applyInlineProjections } from './applyInlineProjections.js';
import { createMemoryDocuments } from './createMemoryDocuments.js';
import { createSubscription } from './createSubscription.js';
import { deepFreeze } from './deepFreeze.js';
import { storeUnavailable, type AppendError, type InvalidEvent } from './errors.js';
import { GENESIS_HASH, type StoredEvent } from './EventEnvelope.js';
import type { AppendResult, EventStore, ReadAllOptions, Subscription } from './EventStore.js';
import { newEventId } from './newEventId.js';
import { planAppend, type PreparedRequest, type StoredRow } from './planAppend.js';
import type { InlineProjection } from './ProjectionDocuments.js';
import type { ValidationOptions } from './prepareEvents.js';
import { prepareRequests } from './prepareRequests.js';
import { readRange } from './readRange.js';

/** Options of `createMemoryEventStore`. */
export interface MemoryEventStoreOptions extends ValidationOptions {
  /** Supplies ids for events given without one (default: UUIDv7). */
  readonly newId?: () => string;
}

/**
 * An `EventStore` held in memory: the reference implementation of the port, for tests and examples.
 * Every append validates with `prepareEvents` and decides with `planAppend`, all or nothing; stored
 * events are frozen copies. Does I/O only in the sense of mutating its own state.
 * @example
 * const store = createMemoryEventStore();
 * await appendToStream(store, 'order-1', [{ type: 'Placed', data: {}, metadata: { at } }], { expectedVersion: 'no-stream' });
 */
export const createMemoryEventStore = (options: MemoryEventStoreOptions = {}): EventStore => {
  const newId = options.newId ?? newEventId;
  const validation: ValidationOptions =
    options.maxEventBytes === undefined ? {} : { maxEventBytes: options.maxEventBytes };
  const log: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const rows = new Map<string, StoredRow>();
  const listeners = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw new Error('the memory event store is closed; open a new one');
  };
  const docs = createMemoryDocuments(assertOpen);

  const commit = (
    prepared: E.Either<InvalidEvent, readonly PreparedRequest[]>,
    inline: readonly InlineProjection[],
  ): E.Either<AppendError, readonly AppendResult[]> => {
    if (closed) return E.left(storeUnavailable('the memory event store is closed'));
    if (E.isLeft(prepared)) return prepared;
    const versions = new Map<string, number>();
    const existing = new Map<string, StoredRow>();
    for (const r of prepared.right) {
      versions.set(r.streamId, streams.get(r.streamId)?.length ?? 0);
      for (const e of r.events) {
        const row = rows.get(e.eventId);
        if (row !== undefined) existing.set(e.eventId, row);
      }
    }
    const head = { globalPosition: log.length, hash: log.at(-1)?.hash ?? GENESIS_HASH };
    const plan = planAppend(prepared.right, { versions, existing, head });
    if (E.isLeft(plan)) return plan;
    if (plan.right._tag === 'Duplicate') return E.right(deepFreeze(plan.right.results));
    const results = deepFreeze(plan.right.results);
    const appended = results.flatMap((r) => r.events);
    // Computed before anything is written: a throwing projection leaves the store untouched.
    const writes = applyInlineProjections(inline, appended, docs.current);
    for (const row of plan.right.rows) rows.set(row.eventId, row);
    for (const e of appended) {
      log.push(e);
      const stream = streams.get(e.streamId) ?? [];
      stream.push(e);
      streams.set(e.streamId, stream);
    }
    docs.write(writes);
    if (appended.length > 0) for (const wake of listeners) wake();
    return E.right(results);
  };

  /** Options are checked on the first read, like `readRange` does for its own. */
  const readAll = async function* ({ after = 0, ...rest }: ReadAllOptions = {}): AsyncGenerator<
    StoredEvent,
    void,
    undefined
  > {
    if (!Number.isSafeInteger(after) || after < 0)
      throw new Error(`readAll: after must be a non-negative integer (got ${after})`);
    yield* readRange(log, { from: after + 1, ...rest }, 'readAll', assertOpen);
  };

  return {
    ...docs,
    appendMany: (requests, manyOptions) =>
      attempt(() =>
        commit(prepareRequests(requests, newId, validation), manyOptions?.inline ?? []),
      ),
    readStream: (streamId, readOptions = {}) =>
      readRange(streams.get(streamId) ?? [], readOptions, 'readStream', assertOpen),
    readAll,
    readEvent: (eventId) =>
      attempt(() => {
        assertOpen();
        const row = rows.get(eventId);
        return row === undefined ? undefined : log[row.globalPosition - 1];
      }),
    streamVersion: (streamId) =>
      attempt(() => {
        assertOpen();
        return streams.get(streamId)?.length ?? 0;
      }),
    head: () =>
      attempt(() => {
        assertOpen();
        return { globalPosition: log.length, hash: log.at(-1)?.hash ?? GENESIS_HASH };
      }),
    subscribe: (subscribeOptions) => {
      assertOpen();
      const sub = createSubscription({
        readAll,
        ...subscribeOptions,
        onNotify: (wake) => {
          listeners.add(wake);
          return () => listeners.delete(wake);
        },
      });
      subscriptions.add(sub);
      void sub.done.then(
        () => subscriptions.delete(sub),
        () => subscriptions.delete(sub),
      );
      return sub;
    },
    close: async () => {
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      listeners.clear();
    },
  };
};
