import * as t from 'io-ts';

/** Why a reaction was parked: the last outcome its command got, or the error `react` or `handle` threw. */
const ParkReasonCodec = t.strict({
  /** `Rejected`, `Invalid`, `Conflict` (an outcome), `Error` (handle threw) or `ReactFailed` (react threw). */
  kind: t.keyof({ Rejected: 0, Invalid: 0, Conflict: 0, Error: 0, ReactFailed: 0 }),
  message: t.string,
});

/** Why a reaction was parked. */
export type ParkReason = t.TypeOf<typeof ParkReasonCodec>;

/** io-ts codec of a parked reaction as its reactor's documents hold it (keyed by event id). */
export const ParkedReactionCodec = t.intersection([
  t.strict({
    reactor: t.string,
    eventId: t.string,
    eventType: t.string,
    streamId: t.string,
    globalPosition: t.number,
    /** The command of the reaction that could not be accepted, and its id. */
    commandIndex: t.number,
    commandId: t.string,
    /** Attempts made, counting every retry of `retryParkedReaction`. */
    attempts: t.number,
    reason: ParkReasonCodec,
  }),
  /** Set by `requestParkedRetry` (e.g. `strive reactors NAME --retry`): the running reactor retries it. */
  t.exact(t.partial({ retryRequested: t.boolean })),
]);

/**
 * A reaction its reactor gave up on after its retries: the event it was for, which command failed, how
 * often, and why. It stays parked (listed by `listParkedReactions`) until `retryParkedReaction` gets it
 * accepted; the reactor meanwhile goes on with the events after it.
 */
export type ParkedReaction = t.TypeOf<typeof ParkedReactionCodec>;
