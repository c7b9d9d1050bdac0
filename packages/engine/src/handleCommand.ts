import {
  describeAppendError,
  type ConcurrencyConflict as ConcurrencyConflictError,
  type EventStore,
  type IdempotencyConflict as IdempotencyConflictError,
  type InlineProjection,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { commandDigest, eventIdOf } from './commandIds.js';
import type { CommandOutcome, Conflict } from './CommandOutcome.js';
import type { AnyCommand } from './defineCommand.js';
import { decodeCommand, type DecodedCommand } from './decodeCommand.js';
import type { RetryOptions } from './Engine.js';
import { foldEvents } from './foldEvents.js';
import { snapshotOf } from './loadState.js';
import { loadStreams } from './loadStreams.js';
import { planCommand, type LoadedStream } from './planCommand.js';
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
}

const conflict = (
  cmd: DecodedCommand,
  reason: Conflict['reason'],
  attempts: number,
  message: string,
): Conflict => ({ _tag: 'Conflict', commandId: cmd.id, type: cmd.type, reason, attempts, message });

/** Folds the appended events into the loaded states: cached, and snapshotted every N events. Does I/O. */
const afterAppend = async (
  deps: HandleDeps,
  streams: readonly LoadedStream[],
  appended: ReadonlyMap<string, readonly StoredEvent[]>,
): Promise<void> => {
  const n = deps.snapshotEvery;
  for (const s of streams) {
    const events = appended.get(s.streamId) ?? [];
    const last = events[events.length - 1];
    if (last === undefined) continue;
    const next = foldEvents(s.workflow, events, s.state);
    deps.cache.set(s.workflow, s.streamId, next);
    if (n > 0 && Math.floor(last.streamPosition / n) !== Math.floor(s.state.version / n))
      await deps.store.saveSnapshot(snapshotOf(s.workflow, s.streamId, next));
  }
};

/** The end of one attempt: a final outcome, or an append error worth deciding again for. */
type Attempt =
  | { readonly _tag: 'Done'; readonly outcome: CommandOutcome }
  | { readonly _tag: 'Retry'; readonly error: ConcurrencyConflictError | IdempotencyConflictError };

const done = (outcome: CommandOutcome): Attempt => ({ _tag: 'Done', outcome });

/** Decides on loaded states and appends the decision with their versions as expected. Does I/O. */
const decideAndAppend = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  streams: readonly LoadedStream[],
): Promise<Attempt> => {
  const states = Object.fromEntries(streams.map((s) => [s.alias, s.state]));
  const decision = cmd.definition.decide(cmd.command, states, {
    commandId: cmd.id,
    at: cmd.at,
    actor: cmd.actor,
  });
  if (E.isLeft(decision))
    return done({ _tag: 'Rejected', commandId: cmd.id, type: cmd.type, failures: decision.left });
  const plan = planCommand(cmd, digest, streams, decision.right);
  if (E.isLeft(plan))
    return done({ _tag: 'Rejected', commandId: cmd.id, type: cmd.type, failures: plan.left });
  const result = await deps.store.appendMany(plan.right.requests, { inline: deps.inline });
  if (E.isRight(result)) {
    if (result.right.some((r) => r.duplicate))
      return done({
        _tag: 'Accepted',
        commandId: cmd.id,
        type: cmd.type,
        events: [],
        duplicate: true,
      });
    await afterAppend(deps, streams, new Map(result.right.map((r) => [r.streamId, r.events])));
    const events = result.right.flatMap((r) => r.events);
    return done({ _tag: 'Accepted', commandId: cmd.id, type: cmd.type, events, duplicate: false });
  }
  const error = result.left;
  switch (error._tag) {
    case 'InvalidEvent':
      return done({ _tag: 'Invalid', errors: [{ path: error.path, message: error.reason }] });
    case 'StoreUnavailable':
      throw new Error(`${cmd.type} ${cmd.id}: ${describeAppendError(error)}`);
    case 'ConcurrencyConflict':
    case 'IdempotencyConflict':
      return { _tag: 'Retry', error };
  }
};

/**
 * Handles one command: decode -> idempotency check by command id -> load (snapshot + tail) -> decide
 * -> machine check -> atomic `appendMany` with expected versions; on a version conflict, reload and
 * decide again after a jittered backoff, up to `retry.maxAttempts`. A first, uncounted try decides on
 * cached states without reading their tails: its append is kept only when accepted (the expected
 * versions prove the states were current); any other end decides again on read states. Throws only
 * when the store is unavailable or `decide` breaks its contract. Does I/O.
 */
export const handleCommand = async (deps: HandleDeps, input: unknown): Promise<CommandOutcome> => {
  const decoded = decodeCommand(input, deps.commands);
  if (E.isLeft(decoded)) return decoded.left;
  const cmd = decoded.right;
  const digest = commandDigest(cmd.json);
  const { maxAttempts, baseDelayMs } = deps.retry;
  let last: Conflict = conflict(cmd, 'ConcurrencyConflict', 0, 'not attempted');
  let trustCache = true;
  for (let attempt = 1; attempt <= maxAttempts;) {
    const prior = await deps.store.readEvent(eventIdOf(cmd.id, 0));
    if (prior !== undefined)
      return prior.metadata.commandDigest === digest
        ? { _tag: 'Accepted', commandId: cmd.id, type: cmd.type, events: [], duplicate: true }
        : conflict(
            cmd,
            'IdempotencyConflict',
            attempt,
            `command id ${cmd.id} was used for another payload`,
          );
    const { streams, fromCache } = await loadStreams(deps, cmd, trustCache);
    trustCache = false;
    const tried = await decideAndAppend(deps, cmd, digest, streams);
    if (fromCache) {
      // Only an accepted append proves the cached states current; decide anything else again.
      if (tried._tag === 'Done' && tried.outcome._tag === 'Accepted') return tried.outcome;
      continue;
    }
    if (tried._tag === 'Done') return tried.outcome;
    const error = tried.error;
    if (error._tag === 'ConcurrencyConflict') deps.cache.delete(error.streamId);
    last = conflict(cmd, error._tag, attempt, describeAppendError(error));
    if (attempt < maxAttempts) await deps.sleep(deps.random() * baseDelayMs * 2 ** (attempt - 1));
    attempt += 1;
  }
  return last;
};
