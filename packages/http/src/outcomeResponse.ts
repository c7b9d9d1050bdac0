import type { CommandOutcome } from '@strive/engine';

/** The error part of a refused command's body, as in a `strive run --json` line (docs/cli.md). */
export interface ErrorBody {
  readonly kind: 'invalid' | 'rejected' | 'conflict' | 'unauthenticated' | 'failure';
  readonly rules: readonly string[];
  readonly message: string;
  /** Conflicts only: true when concurrent writers won (sending the same command again may succeed). */
  readonly retryable?: boolean;
}

/** The body of a refusal that never reached the engine (bad request, no token, too many requests). Pure. */
export const refusal = (kind: ErrorBody['kind'], message: string) =>
  ({ ok: false, error: { kind, rules: [], message } }) as const;

/**
 * The HTTP status of an engine outcome: accepted (a duplicate too) 200, invalid 400, rejected 422, or
 * 403 when `auth.principal` is among the failing rules (the sender may not act as that actor),
 * conflict 409. Pure.
 * @example statusOf({ _tag: 'Invalid', errors: [] }); // 400
 */
export const statusOf = (outcome: CommandOutcome): 200 | 400 | 403 | 409 | 422 => {
  switch (outcome._tag) {
    case 'Accepted':
      return 200;
    case 'Invalid':
      return 400;
    case 'Conflict':
      return 409;
    case 'Rejected':
      return outcome.failures.some((f) => f.ruleId === 'auth.principal') ? 403 : 422;
  }
};

/**
 * The response body of an outcome, in the shape of a `strive run --json` line (without `line`); a
 * conflict says whether it is `retryable` (a concurrency conflict) or not (an id reused). Pure.
 */
export const bodyOf = (o: CommandOutcome) => {
  switch (o._tag) {
    case 'Accepted':
      return o.duplicate
        ? { id: o.commandId, type: o.type, ok: true, duplicate: true, events: [] }
        : { id: o.commandId, type: o.type, ok: true, events: o.events.map((e) => e.type) };
    case 'Invalid':
      return refusal(
        'invalid',
        o.errors.map((e) => `${e.path === '' ? '(command)' : e.path}: ${e.message}`).join('; '),
      );
    case 'Rejected':
      return {
        id: o.commandId,
        type: o.type,
        ok: false,
        error: {
          kind: 'rejected',
          rules: [...new Set(o.failures.map((f) => f.ruleId))],
          message: o.failures.map((f) => `${f.ruleId}: ${f.message}`).join('; '),
        },
      };
    case 'Conflict':
      return {
        id: o.commandId,
        type: o.type,
        ok: false,
        error: {
          kind: 'conflict',
          rules: [],
          message: o.message,
          retryable: o.reason === 'ConcurrencyConflict',
        },
      };
  }
};

/** A JSON response (one line, `application/json; charset=utf-8`). Pure. */
export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Response =>
  new Response(`${JSON.stringify(body)}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
