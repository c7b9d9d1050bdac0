import { rule } from '@strive/engine';
import type { Role } from '../domain/Role.js';

/** Input of `auth.role`: the command, the actor's role (null: no actor) and the roles allowed. */
export interface AuthRoleInput {
  readonly command: string;
  readonly role: string | null;
  readonly allowed: readonly Role[];
}

/** auth.role: the actor's role is one the command allows (table of docs/campaign.md). Pure. */
export const authRole = rule<AuthRoleInput>(
  'auth.role',
  ({ command, role, allowed }) =>
    `${command} may be sent by ${allowed.join(' or ')}; the actor is ${role === null ? 'missing' : role}`,
  ({ role, allowed }) => role !== null && allowed.some((r) => r === role),
);

/** Input of `auth.role` for commands in someone's own name (an evaluation, a recommendation). */
export interface OwnNameInput {
  readonly what: string;
  readonly actorId: string | null;
  readonly nameId: string;
}

/** auth.role: a public actor evaluates or recommends only in their own name. Pure. */
export const authOwnName = rule<OwnNameInput>(
  'auth.role',
  ({ what, actorId, nameId }) =>
    `${what} in the name of ${nameId} must come from ${nameId}; the actor is ${actorId ?? 'missing'}`,
  ({ actorId, nameId }) => actorId === nameId,
);
