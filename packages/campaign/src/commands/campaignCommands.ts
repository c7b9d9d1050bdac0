import { advancePhase } from './advancePhase.js';
import { assignFirstResponsible } from './assignFirstResponsible.js';
import { commend } from './commend.js';
import { concludeCampaign } from './concludeCampaign.js';
import { enrollMember } from './enrollMember.js';
import { enrollOrganization } from './enrollOrganization.js';
import { establishLeadingGroup } from './establishLeadingGroup.js';
import { fileObjection } from './fileObjection.js';
import { launchCampaign } from './launchCampaign.js';
import { nominate } from './nominate.js';
import { publishCommitment } from './publishCommitment.js';
import { publishImplementationOpinions } from './publishImplementationOpinions.js';
import { recommend } from './recommend.js';
import { recordDisciplinaryViolation } from './recordDisciplinaryViolation.js';
import { recordLeadershipReview } from './recordLeadershipReview.js';
import { resolveObjection } from './resolveObjection.js';
import { startPublicNotice } from './startPublicNotice.js';
import { submitEvaluation } from './submitEvaluation.js';

/** Every command of the campaign domain, in the order of docs/campaign.md's table. */
export const campaignCommands = [
  launchCampaign,
  publishImplementationOpinions,
  establishLeadingGroup,
  advancePhase,
  concludeCampaign,
  enrollOrganization,
  assignFirstResponsible,
  enrollMember,
  publishCommitment,
  recordLeadershipReview,
  recordDisciplinaryViolation,
  submitEvaluation,
  nominate,
  recommend,
  startPublicNotice,
  fileObjection,
  resolveObjection,
  commend,
] as const;
