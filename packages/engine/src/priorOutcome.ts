import { eventIdOf } from './commandIds.js';
import type { CommandOutcome, Conflict } from './CommandOutcome.js';
import type { Attempt } from './decideAndAppend.js';
import type { DecodedCommand } from './decodeCommand.js';
import type { HandleDeps } from './handleCommand.js';

/**
 * A `Conflict` outcome; `retryable` exactly when the command lost version races (sending it again
 * later can succeed), not when its id was used for another payload. Pure.
 */
export const conflictOutcome = (
  cmd: DecodedCommand,
  reason: Conflict['reason'],
  attempts: number,
  message: string,
): Conflict => ({
  _tag: 'Conflict',
  commandId: cmd.id,
  type: cmd.type,
  reason,
  attempts,
  message,
  retryable: reason === 'ConcurrencyConflict',
});

/**
 * The outcome of a command id already stored: a duplicate, or a conflict if its payload differs;
 * `undefined` when the id is not in the log. Does I/O (one `readEvent`).
 */
export const priorOutcome = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  attempt: number,
): Promise<CommandOutcome | undefined> => {
  const prior = await deps.store.readEvent(eventIdOf(cmd.id, 0));
  if (prior === undefined) return undefined;
  return prior.metadata.commandDigest === digest
    ? { _tag: 'Accepted', commandId: cmd.id, type: cmd.type, events: [], duplicate: true }
    : conflictOutcome(
        cmd,
        'IdempotencyConflict',
        attempt,
        `command id ${cmd.id} was used for another payload`,
      );
};

/**
 * The outcome of an attempt that skipped the command id lookup, when final anyway: the store accepted
 * events (event 0's id is the one the lookup reads, so a stored command cannot be appended twice) or
 * reported the very same events stored (whose metadata carries the same digest). Pure.
 */
export const settledWithoutLookup = (tried: Attempt): CommandOutcome | undefined =>
  tried._tag === 'Done' &&
  tried.outcome._tag === 'Accepted' &&
  (tried.outcome.duplicate || tried.outcome.events.length > 0)
    ? tried.outcome
    : undefined;
