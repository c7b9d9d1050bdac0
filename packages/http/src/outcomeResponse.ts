import type { CommandOutcome, OutcomeError } from '@strive/engine';

/**
 * The error part of a refused request's body: the engine's `OutcomeError` (a `strive run --json` line's,
 * docs/cli.md), or a refusal before the engine (no token, too many requests, a failure).
 */
export interface ErrorBody extends Omit<OutcomeError, 'kind'> {
  readonly kind: OutcomeError['kind'] | 'unauthenticated' | 'failure';
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
