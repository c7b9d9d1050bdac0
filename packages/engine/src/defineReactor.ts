import type { JsonObject, StoredEvent } from '@strive/eventlog';

/** What a reaction gets besides its event: the event's business time, id and position. */
export interface ReactionContext {
  /** The event's `metadata.at`: the business time to give the commands (never the wall clock). */
  readonly at: string;
  readonly eventId: string;
  readonly globalPosition: number;
}

/**
 * A command a reaction asks for, as `engine.handle` takes it but without `id`: `type`, `at`, `actor`
 * and its fields. The runner sets `id` to `reactionCommandId(reactor, eventId, index)` (any `id` given
 * is replaced), so the same event always yields the same command ids.
 */
export type ReactionCommand = JsonObject & { readonly type: string };

/** A reactor: when one of the `on` event types is appended, `react` says which commands to handle. */
export interface Reactor {
  readonly _tag: 'Reactor';
  /** Names the reactor's checkpoint, lease and parked reactions; never rename a running reactor. */
  readonly name: string;
  readonly on: readonly string[];
  /**
   * Pure and deterministic: the same event must give the same commands every time (a redelivered event
   * whose commands differ would be refused as an `IdempotencyConflict` and parked).
   */
  readonly react: (event: StoredEvent, ctx: ReactionContext) => readonly ReactionCommand[];
}

/** What `defineReactor` takes. */
export type ReactorConfig = Omit<Reactor, '_tag'>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Defines a reactor: "when this happens, do that". Run it with `runReactor`; each event of an `on`
 * type is reacted to exactly once, however often it is delivered, because the commands' ids derive
 * from (reactor name, event id, index) and the engine refuses to apply a command id twice. Pure.
 * @example
 * const payOnApproval = defineReactor({
 *   name: 'pay-approved-claims',
 *   on: ['ClaimApproved'],
 *   react: (event, { at }) => [{ type: 'SchedulePayment', at, actor: bot, claimId: event.streamId }],
 * });
 */
export const defineReactor = (config: ReactorConfig): Reactor => {
  if (!NAME.test(config.name))
    throw new Error(
      `defineReactor: name ${JSON.stringify(config.name)} must be 1-100 characters of letters, digits, '.', '_' or '-'`,
    );
  if (config.on.length === 0)
    throw new Error(`defineReactor: reactor ${config.name} must react to at least one event type`);
  return { _tag: 'Reactor', name: config.name, on: [...config.on], react: config.react };
};

/** The projection name under which a reactor keeps its checkpoint, lease and parked reactions. Pure. */
export const reactorProjectionName = (reactor: Pick<Reactor, 'name'>): string =>
  `reactor:${reactor.name}`;
