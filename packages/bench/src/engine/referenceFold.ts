import {
  campaignEventCodecs as ce,
  evolveCampaign as ec,
  evolveSubject as es,
  initialCampaignContext,
  initialSubjectContext,
  subjectEventCodecs as se,
  type CampaignContext,
  type SubjectContext,
} from '@strive/campaign';
import type { StoredEvent } from '@strive/eventlog';

/** A folded stream as the engine's `WorkflowState` has it: lifecycle value, context, version, last time. */
export interface RefState<C> {
  value: string;
  context: C;
  version: number;
  lastAt: string | null;
}

/** A campaign stream's state before its first event. Pure. */
export const refCampaignInitial = (): RefState<CampaignContext> => ({
  value: 'unlaunched',
  context: initialCampaignContext,
  version: 0,
  lastAt: null,
});

/** A subject stream's state before its first event. Pure. */
export const refSubjectInitial = (): RefState<SubjectContext> => ({
  value: 'unenrolled',
  context: initialSubjectContext,
  version: 0,
  lastAt: null,
});

const bad = (e: StoredEvent): Error =>
  new Error(`reference: event ${e.eventId} (${e.type}) is malformed`);

/**
 * The hand-written reference of a subject stream: a switch over event types that checks each event's
 * data with the same io-ts codec (`is`, as the engine does), moves the lifecycle by hand (the subject
 * machine's transitions written out) and calls the same `evolveSubject` reducer directly. Pure (mutates `s`).
 */
export const refSubject = (s: RefState<SubjectContext>, e: StoredEvent): void => {
  const d = e.data;
  const v = s.value;
  let c = s.context;
  switch (e.type) {
    case 'OrganizationEnrolled':
      if (!se.OrganizationEnrolled.is(d)) throw bad(e);
      if (v === 'unenrolled') s.value = 'enrolled';
      c = es.OrganizationEnrolled(c, d);
      break;
    case 'MemberEnrolled':
      if (!se.MemberEnrolled.is(d)) throw bad(e);
      if (v === 'unenrolled') s.value = 'enrolled';
      c = es.MemberEnrolled(c, d);
      break;
    case 'FirstResponsibleAssigned':
      if (!se.FirstResponsibleAssigned.is(d)) throw bad(e);
      c = es.FirstResponsibleAssigned(c, d);
      break;
    case 'MemberJoined':
      if (!se.MemberJoined.is(d)) throw bad(e);
      c = es.MemberJoined(c, d);
      break;
    case 'CommitmentPublished':
      if (!se.CommitmentPublished.is(d)) throw bad(e);
      if (v === 'enrolled') s.value = 'committed';
      c = es.CommitmentPublished(c, d);
      break;
    case 'LeadershipReviewRecorded':
      if (!se.LeadershipReviewRecorded.is(d)) throw bad(e);
      c = es.LeadershipReviewRecorded(c, d);
      break;
    case 'DisciplinaryViolationRecorded':
      if (!se.DisciplinaryViolationRecorded.is(d)) throw bad(e);
      c = es.DisciplinaryViolationRecorded(c, d);
      break;
    case 'EvaluationSubmitted':
      if (!se.EvaluationSubmitted.is(d)) throw bad(e);
      if (v === 'committed') s.value = 'evaluated';
      c = es.EvaluationSubmitted(c, d);
      break;
    case 'SubjectNominated':
      if (!se.SubjectNominated.is(d)) throw bad(e);
      if (v === 'evaluated') s.value = 'nominated';
      c = es.SubjectNominated(c, d);
      break;
    case 'RecommendationRecorded':
      if (!se.RecommendationRecorded.is(d)) throw bad(e);
      c = es.RecommendationRecorded(c, d);
      break;
    case 'PublicNoticeStarted':
      if (!se.PublicNoticeStarted.is(d)) throw bad(e);
      if (v === 'nominated') s.value = 'under-notice';
      c = es.PublicNoticeStarted(c, d);
      break;
    case 'ObjectionFiled':
      if (!se.ObjectionFiled.is(d)) throw bad(e);
      c = es.ObjectionFiled(c, d);
      break;
    case 'ObjectionResolved':
      if (!se.ObjectionResolved.is(d)) throw bad(e);
      if (v === 'under-notice' && d.upheld) s.value = 'not-commended';
      c = es.ObjectionResolved(c, d);
      break;
    case 'SubjectCommended':
      if (!se.SubjectCommended.is(d)) throw bad(e);
      if (v === 'under-notice') s.value = 'commended';
      c = es.SubjectCommended(c, d);
      break;
    default:
      throw bad(e);
  }
  s.context = c;
  s.version = e.streamPosition;
  s.lastAt = e.metadata.at;
};

const PHASE_AFTER: Readonly<Record<string, string>> = {
  mobilizing: 'committing',
  committing: 'evaluating',
  evaluating: 'commending',
};

/**
 * The hand-written reference of a campaign stream: the same shape as `refSubject` (codec `is`, the
 * campaign machine's transitions by hand, `evolveCampaign` called directly). Pure (mutates `s`).
 */
export const refCampaign = (s: RefState<CampaignContext>, e: StoredEvent): void => {
  const d = e.data;
  const v = s.value;
  let c = s.context;
  switch (e.type) {
    case 'CampaignLaunched':
      if (!ce.CampaignLaunched.is(d)) throw bad(e);
      if (v === 'unlaunched') s.value = 'mobilizing';
      c = ec.CampaignLaunched(c, d, e);
      break;
    case 'ImplementationOpinionsPublished':
      if (!ce.ImplementationOpinionsPublished.is(d)) throw bad(e);
      c = ec.ImplementationOpinionsPublished(c, d, e);
      break;
    case 'LeadingGroupEstablished':
      if (!ce.LeadingGroupEstablished.is(d)) throw bad(e);
      c = ec.LeadingGroupEstablished(c, d, e);
      break;
    case 'PhaseAdvanced':
      if (!ce.PhaseAdvanced.is(d)) throw bad(e);
      if (PHASE_AFTER[v] !== undefined && PHASE_AFTER[v] === d.to) s.value = d.to;
      c = ec.PhaseAdvanced(c, d, e);
      break;
    case 'OrganizationRegistered':
      if (!ce.OrganizationRegistered.is(d)) throw bad(e);
      c = ec.OrganizationRegistered(c, d, e);
      break;
    case 'OrganizationSecretaryChanged':
      if (!ce.OrganizationSecretaryChanged.is(d)) throw bad(e);
      c = ec.OrganizationSecretaryChanged(c, d, e);
      break;
    case 'CommendationRecorded':
      if (!ce.CommendationRecorded.is(d)) throw bad(e);
      c = ec.CommendationRecorded(c, d, e);
      break;
    case 'CampaignConcluded':
      if (!ce.CampaignConcluded.is(d)) throw bad(e);
      if (v !== 'unlaunched' && v !== 'concluded') s.value = 'concluded';
      c = ec.CampaignConcluded(c, d, e);
      break;
    default:
      throw bad(e);
  }
  s.context = c;
  s.version = e.streamPosition;
  s.lastAt = e.metadata.at;
};
