import type { CommandOutcome } from './CommandOutcome.js';

/** Why a command was refused, as JSON: `rules` lists every failing rule id (`rejected` only). */
export interface OutcomeError {
  readonly kind: 'invalid' | 'rejected' | 'conflict';
  readonly rules: readonly string[];
  readonly message: string;
  /** Conflicts only: true when concurrent writers won (the same command, same id, may be sent again). */
  readonly retryable?: boolean;
}

/** An outcome as JSON: the shape of a `strive run --json` line (without `line`) and of an HTTP body. */
export type OutcomeJson =
  | {
      readonly id: string | null;
      readonly type: string | null;
      readonly ok: true;
      readonly duplicate?: true;
      readonly events: readonly string[];
    }
  | {
      readonly id: string | null;
      readonly type: string | null;
      readonly ok: false;
      readonly error: OutcomeError;
    };

const field = (input: unknown, key: string): string | null => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const v: unknown = Object.getOwnPropertyDescriptor(input, key)?.value;
  return typeof v === 'string' ? v : null;
};

/**
 * An outcome as JSON (docs/cli.md, `run --json`): accepted with its event types, a duplicate, or refused
 * with kind `invalid` (the message names the field paths), `rejected` (every failing rule id) or
 * `conflict` (`retryable`, and the message says what to do). `id` and `type` come from the outcome, or
 * from `input` for an invalid command (null when it has none). Pure.
 * @example
 * outcomeJson(await engine.handle(command), command);
 * // { id: 'c1', type: 'OpenClaim', ok: true, events: ['ClaimOpened'] }
 */
export const outcomeJson = (outcome: CommandOutcome, input?: unknown): OutcomeJson => {
  if (outcome._tag === 'Invalid')
    return {
      id: field(input, 'id'),
      type: field(input, 'type'),
      ok: false,
      error: {
        kind: 'invalid',
        rules: [],
        message: outcome.errors
          .map((e) => `${e.path === '' ? '(command)' : e.path}: ${e.message}`)
          .join('; '),
      },
    };
  const { commandId: id, type } = outcome;
  switch (outcome._tag) {
    case 'Accepted':
      return outcome.duplicate
        ? { id, type, ok: true, duplicate: true, events: [] }
        : { id, type, ok: true, events: outcome.events.map((e) => e.type) };
    case 'Rejected':
      return {
        id,
        type,
        ok: false,
        error: {
          kind: 'rejected',
          rules: [...new Set(outcome.failures.map((f) => f.ruleId))],
          message: outcome.failures.map((f) => `${f.ruleId}: ${f.message}`).join('; '),
        },
      };
    case 'Conflict':
      return {
        id,
        type,
        ok: false,
        error: {
          kind: 'conflict',
          rules: [],
          message: outcome.retryable
            ? `${outcome.message}; nothing was stored: send the same command again (same id), it cannot be applied twice`
            : outcome.message,
          retryable: outcome.retryable,
        },
      };
  }
};
