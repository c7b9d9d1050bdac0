import type { Actor } from '@strive/eventlog';
import type { RuleFailure } from './policy.js';
import type { Principal } from './Principal.js';

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * The input with its actor taken from the principal when the command names none: a command without
 * `actor` acts as the principal in its only role; one with `actor: { role }` (no id) as the principal
 * in that role. Anything else is returned as is (decoding and `authorizeActor` judge it). Pure.
 * @example
 * withPrincipalActor({ type: 'Nominate' }, { id: 'li', roles: ['secretary'] });
 * // { type: 'Nominate', actor: { id: 'li', role: 'secretary' } }
 */
export const withPrincipalActor = (input: unknown, principal: Principal | undefined): unknown => {
  if (principal === undefined || !isRecord(input)) return input;
  const actor = input['actor'];
  const [only, ...others] = principal.roles;
  if (actor === undefined)
    return only === undefined || others.length > 0
      ? input
      : { ...input, actor: { id: principal.id, role: only } };
  if (isRecord(actor) && !('id' in actor) && typeof actor['role'] === 'string')
    return { ...input, actor: { id: principal.id, role: actor['role'] } };
  return input;
};

/**
 * Rule `auth.principal`: with a principal, the command's actor must be that principal in one of its
 * roles (a command with no actor fails when the principal has several roles, naming them). Without a
 * principal nothing is checked. Pure.
 * @example
 * authorizeActor({ id: 'e1', role: 'public' }, { id: 'e2', roles: ['public'] });
 * // [{ ruleId: 'auth.principal', message: 'the actor is e1 as public; the sender is e2 (public)' }]
 */
export const authorizeActor = (
  actor: Actor | undefined,
  principal: Principal | undefined,
): readonly RuleFailure[] => {
  if (principal === undefined) return [];
  const sender = `the sender is ${principal.id} (${principal.roles.join(', ') || 'no role'})`;
  if (actor === undefined)
    return [
      {
        ruleId: 'auth.principal',
        message: `the command names no actor and the sender's role is ambiguous; ${sender}`,
      },
    ];
  return actor.id === principal.id && principal.roles.includes(actor.role)
    ? []
    : [
        {
          ruleId: 'auth.principal',
          message: `the actor is ${actor.id} as ${actor.role}; ${sender}`,
        },
      ];
};
