import type { WorkflowState } from '@strive/engine';
import type { CampaignContext } from '../domain/CampaignContext.js';
import type { SubjectContext } from '../domain/SubjectContext.js';

/** The states of the two streams a subject command reads: the campaign and the subject. */
export interface SubjectStates {
  readonly campaign: WorkflowState<CampaignContext>;
  readonly subject: WorkflowState<SubjectContext>;
}
