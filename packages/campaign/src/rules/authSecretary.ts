import { rule } from '@strive/engine';
import type { Person } from '../domain/Person.js';

/** Input of `auth.secretary` for an organization's command. */
export interface SecretaryInput {
  readonly actorId: string | null;
  readonly orgId: string;
  readonly secretary: Person | null;
}

/** auth.secretary: a command reserved to an organization's secretary comes from its current secretary. Pure. */
export const authSecretary = rule<SecretaryInput>(
  'auth.secretary',
  ({ actorId, orgId, secretary }) =>
    secretary === null
      ? `organization ${orgId} has no secretary, so actor ${actorId ?? '(none)'} cannot act as its secretary`
      : `only the current secretary of organization ${orgId} (${secretary.id}) may do this; the actor is ${actorId ?? '(none)'}`,
  ({ actorId, secretary }) => secretary !== null && secretary.id === actorId,
);

/** Input of `auth.secretary` for a member's own pledge. */
export interface MemberSelfInput {
  readonly actorId: string | null;
  readonly memberId: string;
}

/** auth.secretary: a member's pledge comes from that member. Pure. */
export const authMemberSelf = rule<MemberSelfInput>(
  'auth.secretary',
  ({ actorId, memberId }) =>
    `only member ${memberId} may publish their own commitment; the actor is ${actorId ?? '(none)'}`,
  ({ actorId, memberId }) => actorId === memberId,
);
