import type { EventLog, InlineProjection, SnapshotStore } from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { commandDigest } from './commandIds.js';
import { loadPhase, type CommandProbe } from './CommandProbe.js';
import type { CommandOutcome } from './CommandOutcome.js';
import { decideAndAppend } from './decideAndAppend.js';
import { admitCommand } from './admitCommand.js';
import type { AnyCommand } from './defineCommand.js';
import type { DecodedCommand } from './decodeCommand.js';
import type { RetryOptions } from './Engine.js';
import { loadStreams } from './loadStreams.js';
import { priorOutcome, settledWithoutLookup } from './priorOutcome.js';
import { retryCommand } from './retryCommand.js';
import type { HotStreams } from './hotStreams.js';
import type { HandleOptions } from './Principal.js';
import type { StateCache } from './stateCache.js';
import type { StreamQueue } from './streamQueue.js';

/** Everything `handleCommand` needs; `random`, `sleep` and `now` (ms) are the injected effects. */
export interface HandleDeps {
  readonly store: EventLog;
  /** Where snapshots go; `snapshotEvery` is 0 when there is none. */
  readonly snapshots: SnapshotStore | undefined;
  readonly commands: ReadonlyMap<string, AnyCommand>;
  readonly inline: readonly InlineProjection[];
  readonly snapshotEvery: number;
  readonly retry: RetryOptions;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly cache: StateCache;
  readonly queue: StreamQueue;
  readonly hot: HotStreams;
  /** How far ahead of `HandleOptions.now` a command's `at` may be (rule `clock.skew`). */
  readonly maxClockSkewMs: number;
  /** One command's telemetry hooks (set per command by `instrumentHandle`). */
  readonly probe?: CommandProbe;
}

/** The ids of the streams a command names. Pure. */
const streamIdsOf = (cmd: DecodedCommand): string[] =>
  Object.values(cmd.definition.streams(cmd.command)).map((ref) => ref.streamId);

/**
 * Handles one command: decode and admit (`admitCommand`: `auth.principal`, `clock.skew`) -> decide on the cached states (reading only streams not cached) ->
 * atomic `appendMany` with expected versions, with no other read: an accepted append proves the states
 * current and the command new. Otherwise the command is decided as before caching: idempotency check
 * by command id -> load (snapshot + tail) -> decide -> machine check -> append; on a version conflict,
 * `retryCommand` decides again, holding the stream that lost, within the `retry` time budget. A refusal
 * or a spent budget looks the command id up once more (a racing copy may have stored it: a duplicate).
 * Throws only when the store is unavailable or `decide` breaks its contract. Does I/O.
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
  const startedAt = deps.now();
  // A stream other processes are writing right now: wait for its lock rather than race on the cache.
  const hot = deps.hot.among(streamIdsOf(cmd), startedAt);
  if (hot.length > 0) return retryCommand(deps, cmd, digest, startedAt, undefined, 0, hot);
  const first = await loadPhase(deps.probe, () => loadStreams(deps, cmd, true));
  const tried = await decideAndAppend(deps, cmd, digest, first.streams);
  const settled = settledWithoutLookup(tried);
  if (settled !== undefined) return settled;
  if (first.fromCache)
    return tried._tag === 'Done'
      ? retryCommand(deps, cmd, digest, startedAt, undefined, 0, [])
      : retryCommand(deps, cmd, digest, startedAt, tried.error, 0, []);
  // Every state was read: this was attempt 1 but for the command id lookup, done now.
  if (tried._tag === 'Done') return (await priorOutcome(deps, cmd, digest, 1)) ?? tried.outcome;
  return retryCommand(deps, cmd, digest, startedAt, tried.error, 1, []);
};
