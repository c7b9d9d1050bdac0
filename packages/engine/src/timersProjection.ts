import { canonicalJson } from '@strive/eventlog';
import * as t from 'io-ts';
import { defineProjection } from './defineProjection.js';
import { TimerFiredData, TimerScheduledData } from './timerEvents.js';

/** io-ts codec of a timer's document in the engine's timers read model. */
export const TimerDocument = t.strict({
  timerId: t.string,
  streamId: t.string,
  fireAt: t.string,
  /** The command to fire, as canonical JSON (kept as text: it is opaque to the read model). */
  command: t.string,
  fired: t.boolean,
});

/** A timer as the engine's timers read model holds it. */
export type TimerDocument = t.TypeOf<typeof TimerDocument>;

/** The engine's own async projection of `TimerScheduled`/`TimerFired`, read by `tick`. */
export const timersProjection = defineProjection<TimerDocument>({
  name: 'strive.timers',
  version: 1,
  keyOf: (event) =>
    TimerScheduledData.is(event.data) || TimerFiredData.is(event.data)
      ? event.data.timerId
      : undefined,
  initial: (timerId) => ({ timerId, streamId: '', fireAt: '', command: '{}', fired: false }),
  isDocument: TimerDocument.is,
  apply: {
    TimerScheduled: (draft, data, event) => {
      if (!TimerScheduledData.is(data)) return;
      draft.streamId = event.streamId;
      draft.fireAt = data.fireAt;
      draft.command = canonicalJson(data.command);
    },
    TimerFired: (draft) => {
      draft.fired = true;
    },
  },
});
