export { createCampaignEngine, type CampaignEngineOptions } from './createCampaignEngine.js';
export * as commands from './commands/index.js';
export { campaignWorkflow, type CampaignWorkflow } from './workflows/campaignWorkflow.js';
export { subjectWorkflow, type SubjectWorkflow } from './workflows/subjectWorkflow.js';
export { campaignMachine } from './machines/campaignMachine.js';
export { subjectMachine } from './machines/subjectMachine.js';

export {
  DEFAULT_POLICY,
  CampaignPolicyCodec,
  CampaignPolicyOverrideCodec,
  applyPolicy,
  type CampaignPolicy,
  type CampaignPolicyOverride,
} from './domain/CampaignPolicy.js';
export { PHASES, nextPhase, type CampaignStatus, type Phase } from './domain/Phase.js';
export { ROLES, type CampaignActor, type Role } from './domain/Role.js';
export {
  SUBJECT_KINDS,
  SUBJECT_STATES,
  SubjectRefCodec,
  type SubjectKind,
  type SubjectRef,
  type SubjectState,
} from './domain/Subject.js';
export {
  GRADES,
  MEMBER_CRITERIA,
  ORGANIZATION_CRITERIA,
  criteriaOf,
  type Criterion,
  type Grade,
} from './domain/Ratings.js';
export { CATEGORIES, type Category } from './domain/Category.js';
export {
  campaignStreamId,
  memberStreamId,
  organizationStreamId,
  subjectStreamId,
} from './domain/streamIds.js';
export {
  campaignEventCodecs,
  type CampaignEventData,
  type CampaignEventType,
} from './domain/campaignEvents.js';
export {
  subjectEventCodecs,
  type SubjectEventData,
  type SubjectEventType,
} from './domain/subjectEvents.js';
export {
  initialCampaignContext,
  evolveCampaign,
  type CampaignContext,
} from './domain/CampaignContext.js';
export {
  initialSubjectContext,
  evolveSubject,
  type SubjectContext,
  type Objection,
} from './domain/SubjectContext.js';
export { fromDecimal, atLeast, atMost, type Fraction } from './domain/Fraction.js';
export { tally, satisfaction, type Tally } from './domain/tally.js';
export type { Verdict } from './domain/Verdict.js';
export * as rules from './rules/index.js';

export { campaignProjections } from './projections/campaignProjections.js';
export { campaignsProjection } from './projections/campaignsProjection.js';
export { subjectsProjection } from './projections/subjectsProjection.js';
export { timelinesProjection } from './projections/timelinesProjection.js';
export { exemplarsProjection } from './projections/exemplarsProjection.js';
export type { CampaignDoc } from './projections/CampaignDoc.js';
export type { SubjectDoc } from './projections/SubjectDoc.js';
export type { TimelineDoc, TimelineEntry } from './projections/TimelineDoc.js';
export type { ExemplarDoc } from './projections/ExemplarDoc.js';
export { assembleReport } from './report/assembleReport.js';
export { buildReport, foldProjection } from './report/buildReport.js';
export { createReportFold, type ReportFold } from './report/createReportFold.js';
export { createProjectionFold, type ProjectionFold } from './report/createProjectionFold.js';
export { readReport } from './report/readReport.js';
export { readReportSummary, readStoredReport } from './report/readReportSummary.js';
export { REPORT_VIEW } from './report/reportView.js';
export { generateCommands, type GenerateOptions } from './scenario/generateCommands.js';
export { SUMMARY_SUBJECT_LINES, summarizeReport } from './report/summarizeReport.js';
export { ReportRestCodec, ReportSummaryCodec } from './report/ReportCodec.js';
export type {
  Dashboard,
  Exemplar,
  HonourEntry,
  Report,
  ReportCampaign,
  ReportSubject,
  ReportSummary,
} from './report/Report.js';
