import { describeAppendError, type EventStore, type InlineProjection } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { commandDigest, eventIdOf } from './commandIds.js';
import type { CommandOutcome, Conflict } from './CommandOutcome.js';
import { decideAndAppend, type Attempt, type RetryError } from './decideAndAppend.js';
import { admitCommand } from './admitCommand.js';
import type { AnyCommand } from './defineCommand.js';
import type { DecodedCommand } from './decodeCommand.js';
import type { RetryOptions } from './Engine.js';
import { loadStreams } from './loadStreams.js';
import type { HandleOptions } from './Principal.js';
import type { StateCache } from './stateCache.js';

/** Everything `handleCommand` needs; `random` and `sleep` are the injected effects. */
export interface HandleDeps {
  readonly store: EventStore;
  readonly commands: ReadonlyMap<string, AnyCommand>;
  readonly inline: readonly InlineProjection[];
  readonly snapshotEvery: number;
  readonly retry: RetryOptions;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly cache: StateCache;
  /** How far ahead of `HandleOptions.now` a command's `at` may be (rule `clock.skew`). */
  readonly maxClockSkewMs: number;
}

const conflict = (
  cmd: DecodedCommand,
  reason: Conflict['reason'],
  attempts: number,
  message: string,
): Conflict => ({ _tag: 'Conflict', commandId: cmd.id, type: cmd.type, reason, attempts, message });

/** The outcome of a command id already stored: a duplicate, or a conflict if its payload differs. */
const priorOutcome = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  attempt: number,
): Promise<CommandOutcome | undefined> => {
  const prior = await deps.store.readEvent(eventIdOf(cmd.id, 0));
  if (prior === undefined) return undefined;
  return prior.metadata.commandDigest === digest
    ? { _tag: 'Accepted', commandId: cmd.id, type: cmd.type, events: [], duplicate: true }
    : conflict(
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
const settledWithoutLookup = (tried: Attempt): CommandOutcome | undefined =>
  tried._tag === 'Done' &&
  tried.outcome._tag === 'Accepted' &&
  (tried.outcome.duplicate || tried.outcome.events.length > 0)
    ? tried.outcome
    : undefined;

/**
 * Handles one command: decode and admit (`admitCommand`: `auth.principal`, `clock.skew`) -> decide on the cached states (reading only streams not cached) ->
 * atomic `appendMany` with expected versions, with no other read: an accepted append proves the states
 * current and the command new. Otherwise the command is decided as before caching: idempotency check
 * by command id -> load (snapshot + tail) -> decide -> machine check -> append; on a version conflict,
 * reload and decide again after a jittered backoff, up to `retry.maxAttempts` (the first try counts as
 * an attempt when it read every state). Throws only when the store is unavailable or `decide` breaks
 * its contract. Does I/O.
 */
export const handleCommand = async (
  deps: HandleDeps,
  input: unknown,
  options: HandleOptions = {},
): Promise<CommandOutcome> => {
  const decoded = admitCommand(input, deps.commands, options, deps.maxClockSkewMs);
  if (E.isLeft(decoded)) return decoded.left;
  const cmd = decoded.right;
  const digest = commandDigest(cmd.json);
  const { maxAttempts, baseDelayMs } = deps.retry;
  let last: Conflict = conflict(cmd, 'ConcurrencyConflict', 0, 'not attempted');
  const retryAfter = async (error: RetryError, attempt: number): Promise<void> => {
    if (error._tag === 'ConcurrencyConflict') deps.cache.delete(error.streamId);
    last = conflict(cmd, error._tag, attempt, describeAppendError(error));
    if (attempt < maxAttempts) await deps.sleep(deps.random() * baseDelayMs * 2 ** (attempt - 1));
  };
  let attempt = 1;
  const first = await loadStreams(deps, cmd, true);
  const tried = await decideAndAppend(deps, cmd, digest, first.streams);
  const settled = settledWithoutLookup(tried);
  if (settled !== undefined) return settled;
  if (!first.fromCache) {
    // Every state was read: this was attempt 1 but for the command id lookup, done now.
    if (tried._tag === 'Done') return (await priorOutcome(deps, cmd, digest, 1)) ?? tried.outcome;
    if (tried.error._tag === 'ConcurrencyConflict') await retryAfter(tried.error, attempt++);
  }
  for (; attempt <= maxAttempts; attempt++) {
    const prior = await priorOutcome(deps, cmd, digest, attempt);
    if (prior !== undefined) return prior;
    const { streams } = await loadStreams(deps, cmd, false);
    const again = await decideAndAppend(deps, cmd, digest, streams);
    if (again._tag === 'Done') return again.outcome;
    await retryAfter(again.error, attempt);
  }
  return last;
};
