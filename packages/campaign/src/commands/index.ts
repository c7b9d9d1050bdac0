// The campaign's commands, exported by the package as one namespace: `commands.commend` (the engine's
// definition), `commands.CommendCommand` (its codec), `commands.decideCommend` (its pure decider),
// `commands.Commend` (its type), and `commands.campaignCommands` (all 18, in the order of docs/campaign.md).
export { campaignCommands } from './campaignCommands.js';
export type { CampaignDecision } from './CampaignDecision.js';
export {
  AdvancePhaseCommand,
  decideAdvancePhase,
  advancePhase,
  type AdvancePhase,
} from './advancePhase.js';
export {
  AssignFirstResponsibleCommand,
  assignFirstResponsible,
  decideAssignFirstResponsible,
  type AssignFirstResponsible,
} from './assignFirstResponsible.js';
export { CommendCommand, commend, decideCommend, type Commend } from './commend.js';
export {
  ConcludeCampaignCommand,
  concludeCampaign,
  decideConcludeCampaign,
  type ConcludeCampaign,
} from './concludeCampaign.js';
export {
  EnrollMemberCommand,
  decideEnrollMember,
  enrollMember,
  type EnrollMember,
} from './enrollMember.js';
export {
  EnrollOrganizationCommand,
  decideEnrollOrganization,
  enrollOrganization,
  type EnrollOrganization,
} from './enrollOrganization.js';
export {
  EstablishLeadingGroupCommand,
  decideEstablishLeadingGroup,
  establishLeadingGroup,
  type EstablishLeadingGroup,
} from './establishLeadingGroup.js';
export {
  FileObjectionCommand,
  decideFileObjection,
  fileObjection,
  type FileObjection,
} from './fileObjection.js';
export {
  LaunchCampaignCommand,
  decideLaunchCampaign,
  launchCampaign,
  type LaunchCampaign,
} from './launchCampaign.js';
export { NominateCommand, decideNominate, nominate, type Nominate } from './nominate.js';
export {
  PublishCommitmentCommand,
  decidePublishCommitment,
  publishCommitment,
  type PublishCommitment,
} from './publishCommitment.js';
export {
  PublishImplementationOpinionsCommand,
  decidePublishImplementationOpinions,
  publishImplementationOpinions,
  type PublishImplementationOpinions,
} from './publishImplementationOpinions.js';
export { RecommendCommand, decideRecommend, recommend, type Recommend } from './recommend.js';
export {
  RecordDisciplinaryViolationCommand,
  decideRecordDisciplinaryViolation,
  recordDisciplinaryViolation,
  type RecordDisciplinaryViolation,
} from './recordDisciplinaryViolation.js';
export {
  RecordLeadershipReviewCommand,
  decideRecordLeadershipReview,
  recordLeadershipReview,
  type RecordLeadershipReview,
} from './recordLeadershipReview.js';
export {
  ResolveObjectionCommand,
  decideResolveObjection,
  resolveObjection,
  type ResolveObjection,
} from './resolveObjection.js';
export {
  StartPublicNoticeCommand,
  decideStartPublicNotice,
  startPublicNotice,
  type StartPublicNotice,
} from './startPublicNotice.js';
export {
  SubmitEvaluationCommand,
  decideSubmitEvaluation,
  submitEvaluation,
  type SubmitEvaluation,
} from './submitEvaluation.js';
export type { SubjectStates } from './SubjectStates.js';
