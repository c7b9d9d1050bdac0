import {
  describeAppendError,
  type ConcurrencyConflict,
  type IdempotencyConflict,
  type StoredEvent,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandOutcome } from './CommandOutcome.js';
import { appendPhase, decidePhase } from './CommandProbe.js';
import type { DecodedCommand } from './decodeCommand.js';
import { foldEvents } from './foldEvents.js';
import type { HandleDeps } from './handleCommand.js';
import { snapshotOf } from './loadState.js';
import { planCommand, type LoadedStream } from './planCommand.js';
import { statesOf } from './statesOf.js';

/** An append error worth deciding again for. */
export type RetryError = ConcurrencyConflict | IdempotencyConflict;

/** The end of one attempt: a final outcome, or an append error worth deciding again for. */
export type Attempt =
  | { readonly _tag: 'Done'; readonly outcome: CommandOutcome }
  | { readonly _tag: 'Retry'; readonly error: RetryError };

const done = (outcome: CommandOutcome): Attempt => ({ _tag: 'Done', outcome });

/**
 * Snapshot writes an append made due, collected to run once a stream lock is let go (a snapshot of
 * a large state costs milliseconds that the other writers in line need not wait for).
 */
export type SnapshotWrites = Array<() => Promise<void>>;

/**
 * Folds the appended events into the loaded states: cached, and snapshotted every N events (now, or
 * pushed to `later`). Does I/O.
 */
const afterAppend = async (
  deps: HandleDeps,
  streams: readonly LoadedStream[],
  appended: ReadonlyMap<string, readonly StoredEvent[]>,
  later: SnapshotWrites | undefined,
): Promise<void> => {
  const { snapshots } = deps;
  const n = deps.snapshotEvery;
  for (const s of streams) {
    const events = appended.get(s.streamId) ?? [];
    const last = events[events.length - 1];
    if (last === undefined) continue;
    const next = foldEvents(s.workflow, events, s.state);
    deps.cache.set(s.workflow, s.streamId, next);
    if (
      snapshots === undefined ||
      n === 0 ||
      Math.floor(last.streamPosition / n) === Math.floor(s.state.version / n)
    )
      continue;
    const save = () => snapshots.saveSnapshot(snapshotOf(s.workflow, s.streamId, next, last.hash));
    if (later === undefined) await save();
    else later.push(save);
  }
};

/**
 * Decides on loaded states, checks the decision against the machines and appends it with the states'
 * versions as expected; an accepted append is folded into the cache (and snapshotted every N events,
 * or the snapshot pushed to `later`). Throws when the store is unavailable or `decide` breaks its
 * contract. Does I/O.
 */
export const decideAndAppend = async (
  deps: HandleDeps,
  cmd: DecodedCommand,
  digest: string,
  streams: readonly LoadedStream[],
  later?: SnapshotWrites,
): Promise<Attempt> => {
  const states = statesOf(streams);
  const decision = decidePhase(deps.probe, () =>
    cmd.definition.decide(cmd.command, states, {
      commandId: cmd.id,
      at: cmd.at,
      actor: cmd.actor,
    }),
  );
  if (E.isLeft(decision))
    return done({ _tag: 'Rejected', commandId: cmd.id, type: cmd.type, failures: decision.left });
  const plan = planCommand(cmd, digest, streams, decision.right);
  if (E.isLeft(plan))
    return done({ _tag: 'Rejected', commandId: cmd.id, type: cmd.type, failures: plan.left });
  const { requests } = plan.right;
  const result = await appendPhase(deps.probe, () =>
    deps.store.appendMany(requests, { inline: deps.inline }),
  );
  if (E.isRight(result)) {
    if (result.right.some((r) => r.duplicate))
      return done({
        _tag: 'Accepted',
        commandId: cmd.id,
        type: cmd.type,
        events: [],
        duplicate: true,
      });
    const written = result.right.filter((r) => r.events.length > 0);
    const appended = new Map(written.map((r) => [r.streamId, r.events]));
    await afterAppend(deps, streams, appended, later);
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
