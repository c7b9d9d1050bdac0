import {
  describeAppendError,
  type EventStore,
  type InlineProjection,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { commandDigest, eventIdOf } from './commandIds.js';
import type { CommandOutcome, Conflict } from './CommandOutcome.js';
import type { AnyCommand } from './defineCommand.js';
import { decodeCommand, type DecodedCommand } from './decodeCommand.js';
import type { RetryOptions } from './Engine.js';
import { foldEvents, foldEventsAsync } from './foldEvents.js';
import { loadState, snapshotOf } from './loadState.js';
import { planCommand, type LoadedStream } from './planCommand.js';
import type { StateCache } from './stateCache.js';
import type { Workflow, WorkflowState } from './Workflow.js';

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

/** A stream's state from the cache plus its tail, or from snapshot + tail; cached afterwards. Does I/O. */
const loadCached = async <C>(
  deps: HandleDeps,
  workflow: Workflow<C>,
  streamId: string,
): Promise<WorkflowState<C>> => {
  const cached = deps.cache.get(workflow, streamId);
  const state =
    cached === undefined
      ? await loadState(deps.store, workflow, streamId, deps.snapshotEvery)
      : await foldEventsAsync(
          workflow,
          deps.store.readStream(streamId, { from: cached.version + 1 }),
          cached,
        );
  deps.cache.set(workflow, streamId, state);
  return state;
};

const loadStreams = async (deps: HandleDeps, cmd: DecodedCommand): Promise<LoadedStream[]> => {
  const refs = Object.entries(cmd.definition.streams(cmd.command));
  const seen = new Map<string, string>();
  for (const [alias, ref] of refs) {
    const other = seen.get(ref.streamId);
    if (other !== undefined)
      throw new Error(
        `${cmd.type}: aliases "${other}" and "${alias}" name the same stream ${ref.streamId}`,
      );
    seen.set(ref.streamId, alias);
  }
  return Promise.all(
    refs.map(async ([alias, { workflow, streamId }]) => ({
      alias,
      workflow,
      streamId,
      state: await loadCached(deps, workflow, streamId),
    })),
  );
};

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

/**
 * Handles one command: decode -> idempotency check by command id -> load (snapshot + tail) -> decide
 * -> machine check -> atomic `appendMany` with expected versions; on a version conflict, reload and
 * decide again after a jittered backoff, up to `retry.maxAttempts`. Throws only when the store is
 * unavailable or `decide` breaks its contract. Does I/O.
 */
export const handleCommand = async (deps: HandleDeps, input: unknown): Promise<CommandOutcome> => {
  const decoded = decodeCommand(input, deps.commands);
  if (E.isLeft(decoded)) return decoded.left;
  const cmd = decoded.right;
  const digest = commandDigest(cmd.json);
  const { maxAttempts, baseDelayMs } = deps.retry;
  let last: Conflict = conflict(cmd, 'ConcurrencyConflict', 0, 'not attempted');
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
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
    const streams = await loadStreams(deps, cmd);
    const states = Object.fromEntries(streams.map((s) => [s.alias, s.state]));
    const decision = cmd.definition.decide(cmd.command, states, {
      commandId: cmd.id,
      at: cmd.at,
      actor: cmd.actor,
    });
    if (E.isLeft(decision))
      return { _tag: 'Rejected', commandId: cmd.id, type: cmd.type, failures: decision.left };
    const plan = planCommand(cmd, digest, streams, decision.right);
    if (E.isLeft(plan))
      return { _tag: 'Rejected', commandId: cmd.id, type: cmd.type, failures: plan.left };
    const result = await deps.store.appendMany(plan.right.requests, { inline: deps.inline });
    if (E.isRight(result)) {
      if (result.right.some((r) => r.duplicate))
        return { _tag: 'Accepted', commandId: cmd.id, type: cmd.type, events: [], duplicate: true };
      await afterAppend(deps, streams, new Map(result.right.map((r) => [r.streamId, r.events])));
      const events = result.right.flatMap((r) => r.events);
      return { _tag: 'Accepted', commandId: cmd.id, type: cmd.type, events, duplicate: false };
    }
    const error = result.left;
    switch (error._tag) {
      case 'InvalidEvent':
        return { _tag: 'Invalid', errors: [{ path: error.path, message: error.reason }] };
      case 'StoreUnavailable':
        throw new Error(`${cmd.type} ${cmd.id}: ${describeAppendError(error)}`);
      case 'ConcurrencyConflict':
        deps.cache.delete(error.streamId);
        last = conflict(cmd, 'ConcurrencyConflict', attempt, describeAppendError(error));
        break;
      case 'IdempotencyConflict':
        last = conflict(cmd, 'IdempotencyConflict', attempt, describeAppendError(error));
        break;
    }
    if (attempt < maxAttempts) await deps.sleep(deps.random() * baseDelayMs * 2 ** (attempt - 1));
  }
  return last;
};
