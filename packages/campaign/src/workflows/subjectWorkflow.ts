import { defineWorkflow } from '@strive/engine';
import { evolveSubject, initialSubjectContext } from '../domain/SubjectContext.js';
import { subjectEventCodecs as s } from '../domain/subjectEvents.js';
import { subjectMachine } from '../machines/subjectMachine.js';

const v1 = <C>(codec: C) => ({ codec, schemaVersion: 1 }) as const;

/**
 * The workflow of a subject stream (`subject-<campaignId>-<kind>-<id>`), organization or member: the
 * subject machine for the lifecycle state, the `evolveSubject` reducers for the context (secretary and
 * members of an organization, commitment, reviews, evaluations, nomination, notice, objections). Pure data.
 */
export const subjectWorkflow = defineWorkflow({
  name: 'subject',
  version: 1,
  machine: subjectMachine,
  events: {
    OrganizationEnrolled: v1(s.OrganizationEnrolled),
    MemberEnrolled: v1(s.MemberEnrolled),
    FirstResponsibleAssigned: v1(s.FirstResponsibleAssigned),
    MemberJoined: v1(s.MemberJoined),
    CommitmentPublished: v1(s.CommitmentPublished),
    LeadershipReviewRecorded: v1(s.LeadershipReviewRecorded),
    DisciplinaryViolationRecorded: v1(s.DisciplinaryViolationRecorded),
    EvaluationSubmitted: v1(s.EvaluationSubmitted),
    SubjectNominated: v1(s.SubjectNominated),
    RecommendationRecorded: v1(s.RecommendationRecorded),
    PublicNoticeStarted: v1(s.PublicNoticeStarted),
    ObjectionFiled: v1(s.ObjectionFiled),
    ObjectionResolved: v1(s.ObjectionResolved),
    SubjectCommended: v1(s.SubjectCommended),
  },
  initialContext: initialSubjectContext,
  evolve: evolveSubject,
});

/** The subject workflow's type. */
export type SubjectWorkflow = typeof subjectWorkflow;
