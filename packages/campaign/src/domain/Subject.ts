import type * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Id, oneOf } from '../codec/primitives.js';

/** The kinds of subject. */
export const SUBJECT_KINDS = ['organization', 'member'] as const;

/** Organization or member. */
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** io-ts codec of a subject reference `{ kind, id }` (exact). */
export const SubjectRefCodec = closed(
  'SubjectRef',
  { kind: oneOf('SubjectKind', SUBJECT_KINDS), id: Id },
  {},
);

/** A subject reference. */
export type SubjectRef = t.TypeOf<typeof SubjectRefCodec>;

/** The subject lifecycle states (plus `unenrolled`, the state of a stream before enrollment). */
export const SUBJECT_STATES = [
  'enrolled',
  'committed',
  'evaluated',
  'nominated',
  'under-notice',
  'commended',
  'not-commended',
] as const;

/** A subject's lifecycle state. */
export type SubjectState = (typeof SUBJECT_STATES)[number];

/** A subject for people: "organization org-1". Pure. */
export const describeSubject = (s: SubjectRef): string => `${s.kind} ${s.id}`;
