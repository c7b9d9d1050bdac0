import type { CommandOutcome } from './CommandOutcome.js';

/**
 * What `EngineOptions.onOutcome` receives once per `engine.handle`, for plain logging: the outcome and
 * how it was reached. `traceId` is the command span's trace id when an OpenTelemetry SDK recorded it.
 */
export interface OutcomeReport {
  readonly outcome: CommandOutcome;
  /** The command's type; for an `Invalid` input, its `type` field when it is a string. */
  readonly type: string | undefined;
  /** `handle`'s duration on the engine's clock (`EngineOptions.now`), ms. */
  readonly durationMs: number;
  /** Decide-and-append attempts (0 when the command was refused before deciding). */
  readonly attempts: number;
  /** Streams whose state was read from the store (not taken from the cache unread). */
  readonly streamsRead: number;
  readonly traceId: string | undefined;
}

/** The label of an outcome in metrics and spans: `accepted`, `duplicate`, `rejected`, `invalid`, `conflict`. Pure. */
export const outcomeLabel = (o: CommandOutcome): string =>
  o._tag === 'Accepted' ? (o.duplicate ? 'duplicate' : 'accepted') : o._tag.toLowerCase();

/** The `type` field of a command input when it is a string. Pure. */
export const inputType = (input: unknown): string | undefined =>
  typeof input === 'object' && input !== null && 'type' in input && typeof input.type === 'string'
    ? input.type
    : undefined;
