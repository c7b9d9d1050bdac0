import { randomInt } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandOutcome } from './CommandOutcome.js';
import { reactorProjectionName, type Reactor } from './defineReactor.js';
import { ParkedReactionCodec, type ParkedReaction } from './ParkedReaction.js';
import type { HandleOptions } from './Principal.js';
import type { ReactorStore } from './ReactorStore.js';
import { DEFAULT_REACTOR_RETRY, reactToEvent, type ReactorRetry } from './reactToEvent.js';

/**
 * Every reaction a reactor has parked, in log order. Throws when a stored document is not a parked
 * reaction (someone wrote into the reactor's documents). Does I/O.
 * @example for (const p of await listParkedReactions(store, 'pay-approved-claims')) console.log(p.reason);
 */
export const listParkedReactions = async (
  store: Pick<ReactorStore, 'readDocuments'>,
  reactor: string,
): Promise<readonly ParkedReaction[]> => {
  const parked: ParkedReaction[] = [];
  for await (const doc of store.readDocuments(reactorProjectionName({ name: reactor }))) {
    const decoded = ParkedReactionCodec.decode(doc.value);
    if (E.isLeft(decoded))
      throw new Error(`reactor ${reactor}: document ${doc.key} is not a parked reaction`);
    parked.push(decoded.right);
  }
  return parked.sort((a, b) => a.globalPosition - b.globalPosition);
};

/** Options of `retryParkedReaction`. */
export interface RetryParkedOptions {
  readonly engine: {
    readonly handle: (input: unknown, options?: HandleOptions) => Promise<CommandOutcome>;
  };
  readonly store: ReactorStore;
  readonly reactor: Reactor;
  readonly eventId: string;
  /** Default: one attempt per command (`{ attempts: 1 }`), the operator decides when to try again. */
  readonly retry?: Partial<ReactorRetry>;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What `retryParkedReaction` did: it reacted (the parked entry is gone), parked it again, or found none. */
export type RetryParkedResult =
  | { readonly _tag: 'Reacted'; readonly commands: number }
  | { readonly _tag: 'Parked'; readonly parked: ParkedReaction }
  | { readonly _tag: 'NotParked'; readonly eventId: string };

const cryptoRandom = (): number => randomInt(0, 2 ** 30) / 2 ** 30;
const timerSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Reacts again to a parked reaction's event (after fixing what refused it): the same command ids, so
 * commands accepted before come back as duplicates. Accepted, the entry is deleted; refused again, it
 * is kept with the new reason and attempts. Runs beside a live runner (the checkpoint is left where it
 * is, compare-and-set). Does I/O.
 * @example const r = await retryParkedReaction({ engine, store, reactor: payOnApproval, eventId });
 */
export const retryParkedReaction = async (
  options: RetryParkedOptions,
): Promise<RetryParkedResult> => {
  const { store, reactor, eventId } = options;
  const name = reactorProjectionName(reactor);
  const doc = await store.readDocument(name, eventId);
  const prior = doc === undefined ? undefined : ParkedReactionCodec.decode(doc);
  if (prior === undefined || E.isLeft(prior)) return { _tag: 'NotParked', eventId };
  const event = await store.readEvent(eventId);
  if (event === undefined)
    throw new Error(`reactor ${reactor.name}: parked event ${eventId} is not in the log`);
  const result = await reactToEvent(
    {
      handle: (input, ids) => options.engine.handle(input, ids),
      retry: { ...DEFAULT_REACTOR_RETRY, attempts: 1, ...options.retry },
      random: options.random ?? cryptoRandom,
      sleep: options.sleep ?? timerSleep,
    },
    reactor,
    event,
    prior.right.attempts,
  );
  for (;;) {
    const checkpoint = await store.readCheckpoint(name);
    const r = await store.commitProjection({
      projection: name,
      expectedCheckpoint: checkpoint,
      checkpoint,
      upserts: result._tag === 'Parked' ? [{ key: eventId, value: result.parked }] : [],
      deletes: result._tag === 'Parked' ? [] : [eventId],
    });
    if (E.isRight(r)) return result;
  }
};

/**
 * Asks the running reactor to retry parked reactions (one event id, or `all`): marks them, and the
 * runner (which has the reactor's definition) retries them when it is next idle, as
 * `retryParkedReaction` does. Resolves with the event ids marked (empty when none is parked). Does I/O.
 * @example await requestParkedRetry(store, 'pay-approved-claims', 'all');
 */
export const requestParkedRetry = async (
  store: Pick<ReactorStore, 'readDocuments' | 'readCheckpoint' | 'commitProjection'>,
  reactor: string,
  eventId: string,
): Promise<readonly string[]> => {
  const name = reactorProjectionName({ name: reactor });
  for (;;) {
    const chosen = (await listParkedReactions(store, reactor)).filter(
      (p) => eventId === 'all' || p.eventId === eventId,
    );
    if (chosen.length === 0) return [];
    const checkpoint = await store.readCheckpoint(name);
    const r = await store.commitProjection({
      projection: name,
      expectedCheckpoint: checkpoint,
      checkpoint,
      upserts: chosen.map((p) => ({ key: p.eventId, value: { ...p, retryRequested: true } })),
      deletes: [],
    });
    if (E.isRight(r)) return chosen.map((p) => p.eventId);
  }
};
