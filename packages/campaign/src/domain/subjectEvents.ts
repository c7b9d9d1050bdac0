import * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Id, IsoDateTime, NonNegativeInt, Text, TextList } from '../codec/primitives.js';
import { CategoryCodec } from './Category.js';
import { PersonCodec } from './Person.js';
import { PledgeCodec } from './Pledge.js';
import { MemberRatingsCodec, OrganizationRatingsCodec } from './Ratings.js';
import { CampaignActorCodec } from './Role.js';
import { VerdictCodec } from './Verdict.js';

const Verdicts = t.readonlyArray(VerdictCodec);

/** io-ts codecs of the data of every event of a subject stream (organization or member), by event type. */
export const subjectEventCodecs = {
  OrganizationEnrolled: closed(
    'OrganizationEnrolled',
    {
      campaignId: Id,
      orgId: Id,
      name: Text,
      category: CategoryCodec,
      secretary: t.union([PersonCodec, t.null]),
    },
    {},
  ),
  MemberEnrolled: closed(
    'MemberEnrolled',
    { campaignId: Id, memberId: Id, orgId: Id, name: Text },
    {},
  ),
  FirstResponsibleAssigned: closed(
    'FirstResponsibleAssigned',
    { secretary: PersonCodec, previous: t.union([PersonCodec, t.null]) },
    {},
  ),
  MemberJoined: closed('MemberJoined', { member: PersonCodec }, {}),
  CommitmentPublished: closed(
    'CommitmentPublished',
    { pledges: t.readonlyArray(PledgeCodec), at: IsoDateTime },
    {},
  ),
  LeadershipReviewRecorded: closed(
    'LeadershipReviewRecorded',
    { topics: TextList, at: IsoDateTime },
    {},
  ),
  DisciplinaryViolationRecorded: closed(
    'DisciplinaryViolationRecorded',
    { description: Text, at: IsoDateTime },
    {},
  ),
  EvaluationSubmitted: closed(
    'EvaluationSubmitted',
    { evaluatorId: Id, ratings: t.union([OrganizationRatingsCodec, MemberRatingsCodec]) },
    {},
  ),
  SubjectNominated: closed('SubjectNominated', { at: IsoDateTime, verdicts: Verdicts }, {}),
  RecommendationRecorded: closed('RecommendationRecorded', { voterId: Id }, {}),
  PublicNoticeStarted: closed(
    'PublicNoticeStarted',
    { days: NonNegativeInt, startsAt: IsoDateTime, endsAt: IsoDateTime, verdicts: Verdicts },
    {},
  ),
  ObjectionFiled: closed(
    'ObjectionFiled',
    { objectionId: Id, reason: Text, filedBy: CampaignActorCodec, at: IsoDateTime },
    {},
  ),
  ObjectionResolved: closed(
    'ObjectionResolved',
    { objectionId: Id, upheld: t.boolean, finding: Text, at: IsoDateTime },
    {},
  ),
  SubjectCommended: closed(
    'SubjectCommended',
    { commendedAt: IsoDateTime, verdicts: Verdicts },
    {},
  ),
} as const;

type Codecs = typeof subjectEventCodecs;

/** The data of each subject event type. */
export type SubjectEventData = { readonly [K in keyof Codecs]: t.TypeOf<Codecs[K]> };

/** A subject event type. */
export type SubjectEventType = keyof Codecs;

/** A subject event as the machine sees it: `{ type, ...data }`. */
export type SubjectMachineEvent = {
  readonly [K in SubjectEventType]: { readonly type: K } & SubjectEventData[K];
}[SubjectEventType];

/** The codecs of the subject events as a mapped type (so a codec looked up by a generic type keeps its data type). */
export const subjectEventCodec: {
  readonly [K in SubjectEventType]: t.Type<SubjectEventData[K], unknown, unknown>;
} = subjectEventCodecs;

/** Whether a string is a subject event type. Pure. */
export const isSubjectEventType = (type: string): type is SubjectEventType =>
  Object.hasOwn(subjectEventCodecs, type);
