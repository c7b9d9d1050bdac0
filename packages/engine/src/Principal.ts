/**
 * Who an adapter authenticated: an id and the roles it may act in. A command handled with a principal
 * must name an actor that is this principal in one of these roles (rule `auth.principal`).
 */
export interface Principal {
  readonly id: string;
  readonly roles: readonly string[];
}

/** What `engine.handle` takes besides the command: who sent it, and when the adapter received it. */
export interface HandleOptions {
  /**
   * The authenticated sender. Absent: the input is trusted as written (a replayed file, a timer, a
   * test); its `actor` is not checked against anyone.
   */
  readonly principal?: Principal;
  /**
   * The adapter's clock when the command arrived (ISO-8601 with offset, or a Date). When given, a
   * command whose `at` lies more than `maxClockSkewMs` ahead of it is refused (rule `clock.skew`).
   */
  readonly now?: string | Date;
  /**
   * The id tying this command to the conversation or request it belongs to (`X-Correlation-Id`, a
   * reactor's triggering command): stored in every event's `metadata.correlationId` and recorded on
   * the `strive.command` span.
   */
  readonly correlationId?: string;
  /** The id of what caused this command (an event id, a message id): `metadata.causationId`, likewise. */
  readonly causationId?: string;
}
