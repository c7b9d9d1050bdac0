import { Id } from '../codec/primitives.js';
import { closed } from '../codec/closed.js';
import { oneOf } from '../codec/primitives.js';
import type * as t from 'io-ts';

/** The roles an actor may hold. */
export const ROLES = ['committee', 'secretary', 'member', 'public'] as const;

/** An actor's role. */
export type Role = (typeof ROLES)[number];

/** io-ts codec of an actor `{ id, role }` (exact; the id follows the `Id` rules). */
export const CampaignActorCodec = closed('Actor', { id: Id, role: oneOf('Role', ROLES) }, {});

/** Who sends a command. */
export type CampaignActor = t.TypeOf<typeof CampaignActorCodec>;
