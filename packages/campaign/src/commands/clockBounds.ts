import type { WorkflowState } from '@strive/engine';
import type { CampaignContext } from '../domain/CampaignContext.js';
import { describeSubject, type SubjectRef } from '../domain/Subject.js';
import type { SubjectContext } from '../domain/SubjectContext.js';
import type { ClockBound } from '../rules/clockMonotonic.js';

/**
 * What a campaign-level command's time is compared with (clock.monotonic): the latest event of the
 * campaign it knows of. Pure.
 */
export const campaignClock = (
  campaignId: string,
  campaign: WorkflowState<CampaignContext>,
): ClockBound[] => [
  { of: `the latest event of campaign ${campaignId}`, lastAt: campaign.context.latestAt },
];

/**
 * What a subject command's time is compared with (clock.monotonic): the subject's last event and the
 * campaign's last campaign-level event, never bookkeeping kept in other streams. Pure.
 */
export const subjectClock = (
  cmd: { readonly campaignId: string; readonly subject: SubjectRef },
  campaign: WorkflowState<CampaignContext>,
  subject: WorkflowState<SubjectContext>,
): ClockBound[] => [
  {
    of: `the last campaign-level event of campaign ${cmd.campaignId}`,
    lastAt: campaign.context.campaignLevelAt,
  },
  { of: `the last event of ${describeSubject(cmd.subject)}`, lastAt: subject.lastAt },
];
