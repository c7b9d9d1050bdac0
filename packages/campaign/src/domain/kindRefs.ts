import * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Id } from '../codec/primitives.js';

/** io-ts codec of a reference to an organization subject. */
export const OrganizationRefCodec = closed(
  'OrganizationRef',
  { kind: t.literal('organization'), id: Id },
  {},
);

/** io-ts codec of a reference to a member subject. */
export const MemberRefCodec = closed('MemberRef', { kind: t.literal('member'), id: Id }, {});
