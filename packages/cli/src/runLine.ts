import type { CommandOutcome } from '@strive/engine';

/** The error part of a refused line in `run --json` (docs/cli.md). */
interface LineError {
  readonly kind: 'invalid' | 'rejected' | 'conflict';
  readonly rules: readonly string[];
  readonly message: string;
}

/** One line of `run --json` output, exactly as docs/cli.md fixes it. */
export type LineResult =
  | {
      readonly line: number;
      readonly id: string | null;
      readonly type: string | null;
      readonly ok: true;
      readonly duplicate?: true;
      readonly events: readonly string[];
    }
  | {
      readonly line: number;
      readonly id: string | null;
      readonly type: string | null;
      readonly ok: false;
      readonly error: LineError;
    };

const field = (u: unknown, key: string): string | null => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return null;
  const v = (u as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
};

/** The result of a line that is not a JSON command at all (not UTF-8, not JSON, or ambiguous JSON). Pure. */
export const badLine = (line: number, message: string): LineResult => ({
  line,
  id: null,
  type: null,
  ok: false,
  error: { kind: 'invalid', rules: [], message },
});

/**
 * Turns an engine outcome into the `run --json` line of docs/cli.md: accepted (with event types), duplicate,
 * or refused with kind `invalid` (message names the field paths), `rejected` (every failing rule id) or
 * `conflict`. Pure.
 */
export const lineResult = (line: number, input: unknown, outcome: CommandOutcome): LineResult => {
  const id = field(input, 'id');
  const type = field(input, 'type');
  switch (outcome._tag) {
    case 'Accepted':
      return outcome.duplicate
        ? { line, id, type, ok: true, duplicate: true, events: [] }
        : { line, id, type, ok: true, events: outcome.events.map((e) => e.type) };
    case 'Invalid':
      return {
        line,
        id,
        type,
        ok: false,
        error: {
          kind: 'invalid',
          rules: [],
          message: outcome.errors
            .map((e) => `${e.path === '' ? '(command)' : e.path}: ${e.message}`)
            .join('; '),
        },
      };
    case 'Rejected':
      return {
        line,
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
        line,
        id,
        type,
        ok: false,
        error: {
          kind: 'conflict',
          rules: [],
          message: outcome.retryable
            ? `${outcome.message}; nothing was stored: send the line again (same id), it cannot be applied twice`
            : outcome.message,
        },
      };
  }
};
