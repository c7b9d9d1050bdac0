import {
  appendToStream,
  isIsoDateTime,
  type Actor,
  type EventLog,
  type InlineProjection,
  type ProjectionDocuments,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import { catchUpProjection } from './catchUpProjection.js';
import { timerCommandId, timerFiredEventId } from './commandIds.js';
import type { CommandOutcome } from './CommandOutcome.js';
import type { FiredTimer, TickResult } from './Engine.js';
import { timersProjection, type TimerDocument } from './timersProjection.js';

/** What `tick` needs from the engine. */
export interface TickDeps {
  readonly store: EventLog;
  readonly documents: ProjectionDocuments;
  readonly inline: readonly InlineProjection[];
  readonly batchSize: number;
  readonly handle: (input: unknown) => Promise<CommandOutcome>;
}

/** The actor of a timer's command when its schedule names none, and of every `TimerFired`. */
const TIMER_ACTOR: Actor = { id: 'strive.timer', role: 'system' };

const instantOf = (now: string | Date): number => {
  const ms = typeof now === 'string' ? (isIsoDateTime(now) ? Date.parse(now) : NaN) : now.getTime();
  if (!Number.isFinite(ms))
    throw new Error(`tick: now must be an ISO-8601 date-time with offset or a valid Date`);
  return ms;
};

const dueTimers = async (deps: TickDeps, nowMs: number): Promise<TimerDocument[]> => {
  await catchUpProjection(deps.store, deps.documents, timersProjection, deps.batchSize);
  const due: TimerDocument[] = [];
  for await (const { value } of deps.documents.readDocuments(timersProjection.storageName))
    if (isDue(value, nowMs)) due.push(value);
  return due.sort(
    (a, b) => Date.parse(a.fireAt) - Date.parse(b.fireAt) || (a.timerId < b.timerId ? -1 : 1),
  );
};

const isDue = (u: unknown, nowMs: number): u is TimerDocument =>
  timersProjection.isDocument(u) && !u.fired && u.streamId !== '' && Date.parse(u.fireAt) <= nowMs;

/**
 * Fires every timer due at `now`, in `fireAt` order: handles its command (id derived from the timer
 * id, `at = fireAt`, so a repeated tick is a duplicate; actor `TIMER_ACTOR` unless it names one), then records `TimerFired` in the timer's
 * stream with a derived event id. A command that ended in `Conflict` is left for the next tick. Does I/O.
 */
export const tick = async (deps: TickDeps, now: string | Date): Promise<TickResult> => {
  const fired: FiredTimer[] = [];
  for (const timer of await dueTimers(deps, instantOf(now))) {
    const commandId = timerCommandId(timer.timerId);
    const command: unknown = JSON.parse(timer.command);
    const outcome = await deps.handle(
      typeof command === 'object' && command !== null
        ? { actor: TIMER_ACTOR, ...command, id: commandId, at: timer.fireAt }
        : command,
    );
    fired.push({ timerId: timer.timerId, streamId: timer.streamId, commandId, outcome });
    if (outcome._tag === 'Conflict') continue;
    const event = {
      eventId: timerFiredEventId(timer.timerId),
      type: 'TimerFired',
      data: { timerId: timer.timerId, commandId, outcome: outcome._tag },
      metadata: { at: timer.fireAt, actor: TIMER_ACTOR, commandId },
    };
    const appended = await appendToStream(deps.store, timer.streamId, [event], {
      expectedVersion: 'any',
      inline: deps.inline,
    });
    if (E.isLeft(appended) && appended.left._tag !== 'IdempotencyConflict')
      throw new Error(
        `tick: could not record TimerFired for ${timer.timerId}: ${appended.left._tag}`,
      );
  }
  return { fired };
};
