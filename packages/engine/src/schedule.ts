import type { JsonObject } from '@strive/eventlog';
import type { ScheduledTimer } from './Workflow.js';

/** What `schedule` takes: a timer id (unique per log), when to fire, and the command to send then. */
export interface ScheduleOptions {
  readonly timerId: string;
  /** ISO-8601 date-time with an offset. */
  readonly fireAt: string;
  /** The command to handle when due, with its `type`; `id` and `at` are derived by the engine. */
  readonly command: JsonObject & { readonly type: string };
}

/**
 * A `TimerScheduled` event for `decide` to return: `engine.tick(now)` handles `command` once `now`
 * reaches `fireAt`, with id derived from the timer id and `at = fireAt`. Pure.
 * @example schedule({ timerId: `close-${id}`, fireAt: cmd.deadline, command: { type: 'Close', campaignId: id } })
 */
export const schedule = (options: ScheduleOptions): ScheduledTimer => ({
  type: 'TimerScheduled',
  data: { timerId: options.timerId, fireAt: options.fireAt, command: options.command },
});
