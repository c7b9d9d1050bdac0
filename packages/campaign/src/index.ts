export { createCampaignEngine, type CampaignEngineOptions } from './createCampaignEngine.js';
export { campaignCommands } from './commands/index.js';
export { campaignWorkflow, type CampaignWorkflow } from './workflows/campaignWorkflow.js';
export { subjectWorkflow, type SubjectWorkflow } from './workflows/subjectWorkflow.js';
export { campaignMachine } from './machines/campaignMachine.js';
export { subjectMachine } from './machines/subjectMachine.js';

export {
  AdvancePhaseCommand,
  decideAdvancePhase,
  advancePhase,
  type AdvancePhase,
} from './commands/advancePhase.js';
export {
  AssignFirstResponsibleCommand,
  assignFirstResponsible,
  decideAssignFirstResponsible,
  type AssignFirstResponsible,
} from './commands/assignFirstResponsible.js';
export { CommendCommand, commend, decideCommend, type Commend } from './commands/commend.js';
export {
  ConcludeCampaignCommand,
  concludeCampaign,
  decideConcludeCampaign,
  type ConcludeCampaign,
} from './commands/concludeCampaign.js';
export {
  EnrollMemberCommand,
  decideEnrollMember,
  enrollMember,
  type EnrollMember,
} from './commands/enrollMember.js';
export {
  EnrollOrganizationCommand,
  decideEnrollOrganization,
  enrollOrganization,
  type EnrollOrganization,
} from './commands/enrollOrganization.js';
export {
  EstablishLeadingGroupCommand,
  decideEstablishLeadingGroup,
  establishLeadingGroup,
  type EstablishLeadingGroup,
} from './commands/establishLeadingGroup.js';
export {
  FileObjectionCommand,
  decideFileObjection,
  fileObjection,
  type FileObjection,
} from './commands/fileObjection.js';
export {
  LaunchCampaignCommand,
  decideLaunchCampaign,
  launchCampaign,
  type LaunchCampaign,
} from './commands/launchCampaign.js';
export { NominateCommand, decideNominate, nominate, type Nominate } from './commands/nominate.js';
export {
  PublishCommitmentCommand,
  decidePublishCommitment,
  publishCommitment,
  type PublishCommitment,
} from './commands/publishCommitment.js';
export {
  PublishImplementationOpinionsCommand,
  decidePublishImplementationOpinions,
  publishImplementationOpinions,
  type PublishImplementationOpinions,
} from './commands/publishImplementationOpinions.js';
export {
  RecommendCommand,
  decideRecommend,
  recommend,
  type Recommend,
} from './commands/recommend.js';
export {
  RecordDisciplinaryViolationCommand,
  decideRecordDisciplinaryViolation,
  recordDisciplinaryViolation,
  type RecordDisciplinaryViolation,
} from './commands/recordDisciplinaryViolation.js';
export {
  RecordLeadershipReviewCommand,
  decideRecordLeadershipReview,
  recordLeadershipReview,
  type RecordLeadershipReview,
} from './commands/recordLeadershipReview.js';
export {
  ResolveObjectionCommand,
  decideResolveObjection,
  resolveObjection,
  type ResolveObjection,
} from './commands/resolveObjection.js';
export {
  StartPublicNoticeCommand,
  decideStartPublicNotice,
  startPublicNotice,
  type StartPublicNotice,
} from './commands/startPublicNotice.js';
export {
  SubmitEvaluationCommand,
  decideSubmitEvaluation,
  submitEvaluation,
  type SubmitEvaluation,
} from './commands/submitEvaluation.js';
export type { SubjectStates } from './commands/subjectStreams.js';

export {
  DEFAULT_POLICY,
  PolicyCodec,
  PolicyOverrideCodec,
  applyPolicy,
  type Policy,
  type PolicyOverride,
} from './domain/Policy.js';
export { PHASES, nextPhase, type CampaignStatus, type Phase } from './domain/Phase.js';
export { ROLES, type Actor, type Role } from './domain/Role.js';
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
export * from './rules/index.js';

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
export { readReport } from './report/readReport.js';
export { readReportSummary, readStoredReport } from './report/readReportSummary.js';
export { REPORT_VIEW } from './report/reportView.js';
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
