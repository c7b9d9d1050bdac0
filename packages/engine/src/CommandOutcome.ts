import type { StoredEvent } from '@strive/eventlog';
import type { RuleFailure } from './policy.js';

/** The command was accepted: its events were appended (or, for a repeated id, had been before). */
export interface Accepted {
  readonly _tag: 'Accepted';
  readonly commandId: string;
  readonly type: string;
  /** The appended events in append order; empty for a duplicate. */
  readonly events: readonly StoredEvent[];
  readonly duplicate: boolean;
}

/** One problem with a command's shape, at a dotted path (`pledges.0.target.value`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** The input is not a well-formed command (unknown type, bad JSON shape, unknown keys). Nothing was appended. */
export interface Invalid {
  readonly _tag: 'Invalid';
  readonly errors: readonly FieldError[];
}

/** The domain refused the command: every failing rule. Nothing was appended. */
export interface Rejected {
  readonly _tag: 'Rejected';
  readonly commandId: string;
  readonly type: string;
  readonly failures: readonly RuleFailure[];
}

/**
 * Concurrent writers kept winning until the retry budget was spent (`ConcurrencyConflict`), or the
 * command id was used for another payload (`IdempotencyConflict`). Nothing was appended.
 */
export interface Conflict {
  readonly _tag: 'Conflict';
  readonly commandId: string;
  readonly type: string;
  readonly reason: 'ConcurrencyConflict' | 'IdempotencyConflict';
  readonly attempts: number;
  readonly message: string;
  /**
   * True for a `ConcurrencyConflict`: send the very same command (same id) again, it is decided anew
   * and cannot be applied twice; false for an `IdempotencyConflict` (use a new id for a new payload).
   */
  readonly retryable: boolean;
}

/** Every result of `engine.handle`. */
export type CommandOutcome = Accepted | Invalid | Rejected | Conflict;

/** Whether an outcome is `Accepted`. Pure. */
export const isAccepted = (o: CommandOutcome): o is Accepted => o._tag === 'Accepted';
/** Whether an outcome is `Invalid`. Pure. */
export const isInvalid = (o: CommandOutcome): o is Invalid => o._tag === 'Invalid';
/** Whether an outcome is `Rejected`. Pure. */
export const isRejected = (o: CommandOutcome): o is Rejected => o._tag === 'Rejected';
/** Whether an outcome is `Conflict`. Pure. */
export const isConflict = (o: CommandOutcome): o is Conflict => o._tag === 'Conflict';
