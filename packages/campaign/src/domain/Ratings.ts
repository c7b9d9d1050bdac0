import { closed } from '../codec/closed.js';
import { oneOf } from '../codec/primitives.js';
import type { SubjectKind } from './Subject.js';

/** The grades of an evaluation, best first. */
export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;

/** A grade. */
export type Grade = (typeof GRADES)[number];

/** io-ts codec of a grade. */
const GradeCodec = oneOf('Grade', GRADES);

/** Whether a grade counts as satisfied (excellent or good). Pure. */
export const isSatisfied = (g: Grade): boolean => g === 'excellent' || g === 'good';

/** The five goods an organization is rated on. */
export const ORGANIZATION_CRITERIA = [
  'leadershipTeam',
  'memberTeam',
  'workMechanism',
  'workPerformance',
  'publicFeedback',
] as const;

/** The five ways a member is exemplary. */
export const MEMBER_CRITERIA = [
  'learning',
  'dedication',
  'service',
  'lawAbiding',
  'integrity',
] as const;

/** A criterion of either kind. */
export type Criterion = (typeof ORGANIZATION_CRITERIA)[number] | (typeof MEMBER_CRITERIA)[number];

/** The five criteria of a kind of subject. Pure. */
export const criteriaOf = (kind: SubjectKind): readonly Criterion[] =>
  kind === 'organization' ? ORGANIZATION_CRITERIA : MEMBER_CRITERIA;

/** io-ts codec of an organization's ratings: exactly the five goods, each a grade. */
export const OrganizationRatingsCodec = closed(
  'OrganizationRatings',
  {
    leadershipTeam: GradeCodec,
    memberTeam: GradeCodec,
    workMechanism: GradeCodec,
    workPerformance: GradeCodec,
    publicFeedback: GradeCodec,
  },
  {},
);

/** io-ts codec of a member's ratings: exactly the five exemplars, each a grade. */
export const MemberRatingsCodec = closed(
  'MemberRatings',
  {
    learning: GradeCodec,
    dedication: GradeCodec,
    service: GradeCodec,
    lawAbiding: GradeCodec,
    integrity: GradeCodec,
  },
  {},
);

/** Ratings of one evaluation: a grade per criterion (five of them, of the subject's kind). */
export type Ratings = Readonly<Partial<Record<Criterion, Grade>>>;
