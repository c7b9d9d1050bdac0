import { defineProjection, valueAfter, type ProjectionRecipe } from '@strive/engine';
import type { JsonValue, StoredEvent } from '@strive/eventlog';
import type { Draft } from 'immer';
import { criteriaOf, type Ratings } from '../domain/Ratings.js';
import {
  isSubjectEventType,
  subjectEventCodec as c,
  type SubjectEventData,
  type SubjectEventType,
} from '../domain/subjectEvents.js';
import { subjectWorkflow } from '../workflows/subjectWorkflow.js';
import { decodeData } from './decodeData.js';
import { isSubjectDoc, type SubjectDoc } from './SubjectDoc.js';

type Recipes = {
  readonly [K in SubjectEventType]: (d: Draft<SubjectDoc>, data: SubjectEventData[K]) => void;
};

const count = (d: Draft<SubjectDoc>, ratings: Ratings): void => {
  for (const row of d.byCriterion) {
    const grade = ratings[row.criterion];
    if (grade === undefined) continue;
    row.total += 1;
    if (grade === 'excellent' || grade === 'good') row.satisfied += 1;
  }
};

const recipes: Recipes = {
  OrganizationEnrolled: (d, data) => {
    Object.assign(d, {
      campaignId: data.campaignId,
      kind: 'organization',
      id: data.orgId,
      name: data.name,
    });
    Object.assign(d, { orgId: data.orgId, category: data.category, secretary: data.secretary });
    d.byCriterion = criteriaOf('organization').map((criterion) => ({
      criterion,
      satisfied: 0,
      total: 0,
    }));
  },
  MemberEnrolled: (d, data) => {
    Object.assign(d, {
      campaignId: data.campaignId,
      kind: 'member',
      id: data.memberId,
      name: data.name,
    });
    d.orgId = data.orgId;
    d.byCriterion = criteriaOf('member').map((criterion) => ({
      criterion,
      satisfied: 0,
      total: 0,
    }));
  },
  FirstResponsibleAssigned: (d, data) => {
    d.secretary = { ...data.secretary };
  },
  MemberJoined: (d) => {
    d.members += 1;
  },
  CommitmentPublished: (d, data) => {
    d.pledges = data.pledges.length;
  },
  LeadershipReviewRecorded: (d) => {
    d.reviews += 1;
  },
  DisciplinaryViolationRecorded: (d) => {
    d.violations += 1;
  },
  EvaluationSubmitted: (d, data) => {
    d.evaluators += 1;
    count(d, data.ratings);
  },
  SubjectNominated: (d, data) => {
    d.nominatedAt = data.at;
    d.verdicts.nomination = data.verdicts.map((v) => ({ ...v }));
  },
  RecommendationRecorded: (d) => {
    d.recommenders += 1;
  },
  PublicNoticeStarted: (d, data) => {
    d.notice = { startsAt: data.startsAt, endsAt: data.endsAt, days: data.days };
    d.verdicts.notice = data.verdicts.map((v) => ({ ...v }));
  },
  ObjectionFiled: (d) => {
    d.objections.filed += 1;
    d.objections.open += 1;
  },
  ObjectionResolved: (d, data) => {
    d.objections.open -= 1;
    if (data.upheld) d.objections.upheld += 1;
  },
  SubjectCommended: (d, data) => {
    d.commendedAt = data.commendedAt;
    d.verdicts.commendation = data.verdicts.map((v) => ({ ...v }));
  },
};

const recipe =
  <K extends SubjectEventType>(type: K): ProjectionRecipe<SubjectDoc> =>
  (draft: Draft<SubjectDoc>, data: JsonValue, _event: StoredEvent) => {
    recipes[type](draft, decodeData(c[type], type, data));
    draft.state = valueAfter(subjectWorkflow, draft.state, type, data, null) ?? draft.state;
  };

/** A subject document before its enrollment is folded. Pure. */
export const initialSubjectDoc = (key: string): SubjectDoc => ({
  streamId: key,
  campaignId: '',
  kind: 'organization',
  id: '',
  name: '',
  orgId: '',
  category: null,
  state: 'unenrolled',
  secretary: null,
  members: 0,
  pledges: 0,
  reviews: 0,
  violations: 0,
  evaluators: 0,
  byCriterion: [],
  recommenders: 0,
  objections: { filed: 0, open: 0, upheld: 0 },
  nominatedAt: null,
  notice: null,
  commendedAt: null,
  verdicts: { nomination: [], notice: [], commendation: [] },
});

/**
 * The subjects read model: one `SubjectDoc` per subject stream (keyed by stream id) with its state (as
 * the subject machine moves it), turnout, satisfaction counts and the verdicts that let it through.
 * Async, checkpointed, rebuildable. Pure data.
 */
export const subjectsProjection = defineProjection<SubjectDoc>({
  name: 'campaign-subjects',
  version: 1,
  keyOf: (e) => (isSubjectEventType(e.type) ? e.streamId : undefined),
  initial: initialSubjectDoc,
  isDocument: isSubjectDoc,
  apply: Object.fromEntries(
    Object.keys(recipes)
      .filter(isSubjectEventType)
      .map((type) => [type, recipe(type)]),
  ),
});
