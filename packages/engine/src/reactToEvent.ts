import type { StoredEvent } from '@strive/eventlog';
import type { CommandOutcome } from './CommandOutcome.js';
import type { ReactionCommand, Reactor } from './defineReactor.js';
import type { ParkedReaction, ParkReason } from './ParkedReaction.js';
import { reactionCommandId } from './reactionCommandId.js';
import { nextDelay } from './retryDelay.js';
import type { HandleOptions } from './Principal.js';

/** How a reaction's command that was not accepted is tried again before the reaction is parked. */
export interface ReactorRetry {
  /** Attempts per command in all (default 5); 1 parks at the first failure. */
  readonly attempts: number;
  /** The smallest pause between attempts (default 50 ms). */
  readonly baseDelayMs: number;
  /** The largest pause between attempts (default 2,000 ms). */
  readonly maxDelayMs: number;
}

/** Default `ReactorRetry`. */
export const DEFAULT_REACTOR_RETRY: ReactorRetry = {
  attempts: 5,
  baseDelayMs: 50,
  maxDelayMs: 2000,
};

/** The effects a reaction needs: the engine's `handle`, and sleep and randomness for the back-off. */
export interface ReactionDeps {
  readonly handle: (input: unknown, options?: HandleOptions) => Promise<CommandOutcome>;
  readonly retry: ReactorRetry;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** A reaction either happened (every command accepted, perhaps as a duplicate) or was parked. */
export type ReactionResult =
  | { readonly _tag: 'Reacted'; readonly commands: number }
  | { readonly _tag: 'Parked'; readonly parked: ParkedReaction };

type Tried =
  | { readonly _tag: 'Accepted' }
  | { readonly _tag: 'Failed'; readonly reason: ParkReason; readonly retryable: boolean };

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Sorts an outcome: accepted, or a reason and whether trying the same command again can help. Pure. */
const triedOf = (o: CommandOutcome): Tried => {
  switch (o._tag) {
    case 'Accepted':
      return { _tag: 'Accepted' };
    case 'Invalid':
      return {
        _tag: 'Failed',
        retryable: false,
        reason: {
          kind: 'Invalid',
          message: o.errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        },
      };
    case 'Rejected':
      return {
        _tag: 'Failed',
        retryable: true,
        reason: { kind: 'Rejected', message: o.failures.map((f) => f.message).join('; ') },
      };
    case 'Conflict':
      return {
        _tag: 'Failed',
        retryable: o.retryable,
        reason: { kind: 'Conflict', message: `${o.reason}: ${o.message}` },
      };
  }
};

/**
 * The ids a reaction's commands carry: caused by the event, in the conversation of the event's
 * correlation id (or, lacking one, of the command that appended it). Pure.
 */
const reactionIds = (event: StoredEvent): HandleOptions => {
  const correlationId = event.metadata.correlationId ?? event.metadata.commandId;
  return {
    causationId: event.eventId,
    ...(correlationId === undefined ? {} : { correlationId }),
  };
};

const tryOnce = async (
  deps: ReactionDeps,
  command: ReactionCommand,
  ids: HandleOptions,
): Promise<Tried> => {
  try {
    return triedOf(await deps.handle(command, ids));
  } catch (error) {
    return {
      _tag: 'Failed',
      retryable: true,
      reason: { kind: 'Error', message: errorText(error) },
    };
  }
};

/**
 * Reacts to one event: asks `react` for its commands, gives each its derived id and handles them in
 * order, retrying one that is not accepted with back-off (decorrelated jitter) up to `retry.attempts`;
 * an Invalid command or an id used for another payload is not retried. A command still refused parks
 * the reaction (the commands after it are not tried: a retry of the parked reaction tries them all
 * again, and those already accepted come back as duplicates). `priorAttempts` counts earlier tries of
 * a parked reaction. Does I/O through `deps`.
 */
export const reactToEvent = async (
  deps: ReactionDeps,
  reactor: Reactor,
  event: StoredEvent,
  priorAttempts = 0,
): Promise<ReactionResult> => {
  const park = (commandIndex: number, attempts: number, reason: ParkReason): ReactionResult => ({
    _tag: 'Parked',
    parked: {
      reactor: reactor.name,
      eventId: event.eventId,
      eventType: event.type,
      streamId: event.streamId,
      globalPosition: event.globalPosition,
      commandIndex,
      commandId: reactionCommandId(reactor.name, event.eventId, commandIndex),
      attempts: priorAttempts + attempts,
      reason,
    },
  });
  let commands: readonly ReactionCommand[];
  try {
    commands = reactor.react(event, {
      at: event.metadata.at,
      eventId: event.eventId,
      globalPosition: event.globalPosition,
    });
  } catch (error) {
    return park(0, 1, { kind: 'ReactFailed', message: errorText(error) });
  }
  for (const [index, command] of commands.entries()) {
    const withId = { ...command, id: reactionCommandId(reactor.name, event.eventId, index) };
    let delay = deps.retry.baseDelayMs;
    for (let attempt = 1; ; attempt++) {
      const tried = await tryOnce(deps, withId, reactionIds(event));
      if (tried._tag === 'Accepted') break;
      if (!tried.retryable || attempt >= deps.retry.attempts)
        return park(index, attempt, tried.reason);
      delay = nextDelay(delay, deps.retry.baseDelayMs, deps.retry.maxDelayMs, deps.random());
      await deps.sleep(delay);
    }
  }
  return { _tag: 'Reacted', commands: commands.length };
};
