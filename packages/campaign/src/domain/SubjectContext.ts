import type { Category } from './Category.js';
import type { Person } from './Person.js';
import type { Pledge } from './Pledge.js';
import type { Ratings } from './Ratings.js';
import type { CampaignActor } from './Role.js';
import type { SubjectKind } from './Subject.js';
import type { SubjectEventData, SubjectEventType } from './subjectEvents.js';
import type { Verdict } from './Verdict.js';

/** An objection filed during a public notice, and its resolution once the committee decides. */
export interface Objection {
  readonly objectionId: string;
  readonly reason: string;
  readonly filedBy: CampaignActor;
  readonly at: string;
  readonly resolution: {
    readonly upheld: boolean;
    readonly finding: string;
    readonly at: string;
  } | null;
}

/** What a subject stream knows (fields of the other kind stay empty). */
export interface SubjectContext {
  readonly campaignId: string | null;
  readonly kind: SubjectKind | null;
  readonly id: string | null;
  readonly name: string | null;
  /** A member's organization (an organization's own id). */
  readonly orgId: string | null;
  readonly category: Category | null;
  /** An organization's current secretary, its first responsible person. */
  readonly secretary: Person | null;
  /** An organization's enrolled members. */
  readonly members: readonly Person[];
  readonly commitment: { readonly at: string; readonly pledges: readonly Pledge[] } | null;
  readonly reviews: readonly { readonly at: string; readonly topics: readonly string[] }[];
  readonly violations: readonly { readonly at: string; readonly description: string }[];
  readonly evaluations: readonly { readonly evaluatorId: string; readonly ratings: Ratings }[];
  readonly recommenders: readonly string[];
  readonly nomination: { readonly at: string; readonly verdicts: readonly Verdict[] } | null;
  readonly notice: {
    readonly days: number;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly verdicts: readonly Verdict[];
  } | null;
  readonly objections: readonly Objection[];
  readonly commendation: { readonly at: string; readonly verdicts: readonly Verdict[] } | null;
}

/** The context of a subject stream before enrollment. */
export const initialSubjectContext: SubjectContext = {
  campaignId: null,
  kind: null,
  id: null,
  name: null,
  orgId: null,
  category: null,
  secretary: null,
  members: [],
  commitment: null,
  reviews: [],
  violations: [],
  evaluations: [],
  recommenders: [],
  nomination: null,
  notice: null,
  objections: [],
  commendation: null,
};

type Reducers = {
  readonly [K in SubjectEventType]: (c: SubjectContext, d: SubjectEventData[K]) => SubjectContext;
};

/** The pure reducers of a subject's context, one per event type (the machine keeps the state). */
export const evolveSubject: Reducers = {
  OrganizationEnrolled: (c, d) => ({
    ...c,
    campaignId: d.campaignId,
    kind: 'organization',
    id: d.orgId,
    name: d.name,
    orgId: d.orgId,
    category: d.category,
    secretary: d.secretary,
  }),
  MemberEnrolled: (c, d) => ({
    ...c,
    campaignId: d.campaignId,
    kind: 'member',
    id: d.memberId,
    name: d.name,
    orgId: d.orgId,
  }),
  FirstResponsibleAssigned: (c, d) => ({ ...c, secretary: d.secretary }),
  MemberJoined: (c, d) => ({ ...c, members: [...c.members, d.member] }),
  CommitmentPublished: (c, d) => ({ ...c, commitment: { at: d.at, pledges: d.pledges } }),
  LeadershipReviewRecorded: (c, d) => ({
    ...c,
    reviews: [...c.reviews, { at: d.at, topics: d.topics }],
  }),
  DisciplinaryViolationRecorded: (c, d) => ({
    ...c,
    violations: [...c.violations, { at: d.at, description: d.description }],
  }),
  EvaluationSubmitted: (c, d) => ({
    ...c,
    evaluations: [...c.evaluations, { evaluatorId: d.evaluatorId, ratings: d.ratings }],
  }),
  SubjectNominated: (c, d) => ({ ...c, nomination: { at: d.at, verdicts: d.verdicts } }),
  RecommendationRecorded: (c, d) => ({ ...c, recommenders: [...c.recommenders, d.voterId] }),
  PublicNoticeStarted: (c, d) => ({
    ...c,
    notice: { days: d.days, startsAt: d.startsAt, endsAt: d.endsAt, verdicts: d.verdicts },
  }),
  ObjectionFiled: (c, d) => ({
    ...c,
    objections: [
      ...c.objections,
      {
        objectionId: d.objectionId,
        reason: d.reason,
        filedBy: d.filedBy,
        at: d.at,
        resolution: null,
      },
    ],
  }),
  ObjectionResolved: (c, d) => ({
    ...c,
    objections: c.objections.map((o) =>
      o.objectionId === d.objectionId
        ? { ...o, resolution: { upheld: d.upheld, finding: d.finding, at: d.at } }
        : o,
    ),
  }),
  SubjectCommended: (c, d) => ({ ...c, commendation: { at: d.commendedAt, verdicts: d.verdicts } }),
};
