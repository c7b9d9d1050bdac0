import * as t from 'io-ts';
import { JsonValueCodec } from '@strive/eventlog';

/** io-ts codec of a `TimerScheduled` event's data. */
export const TimerScheduledData = t.strict({
  timerId: t.string,
  fireAt: t.string,
  command: t.readonly(t.record(t.string, JsonValueCodec)),
});

/** Data of `TimerScheduled`: fire `command` (without `id`/`at`, which the engine derives) at `fireAt`. */
export type TimerScheduledData = t.TypeOf<typeof TimerScheduledData>;

/** io-ts codec of a `TimerFired` event's data: which timer, and the fired command's outcome tag. */
export const TimerFiredData = t.strict({
  timerId: t.string,
  commandId: t.string,
  outcome: t.string,
});

/** Data of `TimerFired`. */
export type TimerFiredData = t.TypeOf<typeof TimerFiredData>;

/** The built-in timer event types: legal in every state, they never move the machine. */
export const TIMER_EVENT_TYPES: ReadonlySet<string> = new Set(['TimerScheduled', 'TimerFired']);
