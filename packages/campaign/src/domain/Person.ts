import type * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Id, Text } from '../codec/primitives.js';

/** io-ts codec of a person named in a command or event: `{ id, name }` (exact). */
export const PersonCodec = closed('Person', { id: Id, name: Text }, {});

/** A person: an id and a name. */
export type Person = t.TypeOf<typeof PersonCodec>;

/** io-ts codec of a leading-group member: `{ id, name, title }` (exact). */
export const GroupMemberCodec = closed('GroupMember', { id: Id, name: Text, title: Text }, {});

/** A leading-group member. */
export type GroupMember = t.TypeOf<typeof GroupMemberCodec>;
