import type { WorkflowState } from '@strive/engine';
import type { CampaignContext } from '../domain/CampaignContext.js';
import { campaignStreamId, subjectStreamId } from '../domain/streamIds.js';
import type { SubjectRef } from '../domain/Subject.js';
import type { SubjectContext } from '../domain/SubjectContext.js';

/** The campaign and subject streams of a command with their last event times (for clock.monotonic). Pure. */
export const subjectStreams = (
  cmd: { readonly campaignId: string; readonly subject: SubjectRef },
  campaign: WorkflowState<CampaignContext>,
  subject: WorkflowState<SubjectContext>,
): { readonly streamId: string; readonly lastAt: string | null }[] => [
  { streamId: campaignStreamId(cmd.campaignId), lastAt: campaign.lastAt },
  { streamId: subjectStreamId(cmd.campaignId, cmd.subject), lastAt: subject.lastAt },
];

/** The states of the two streams a subject command reads: the campaign and the subject. */
export interface SubjectStates {
  readonly campaign: WorkflowState<CampaignContext>;
  readonly subject: WorkflowState<SubjectContext>;
}
