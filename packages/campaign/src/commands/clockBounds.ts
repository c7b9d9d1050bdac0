import type { WorkflowState } from '@strive/engine';
import type { CampaignContext } from '../domain/CampaignContext.js';
import { describeSubject, type SubjectRef } from '../domain/Subject.js';
import type { SubjectContext } from '../domain/SubjectContext.js';
import type { ClockBound } from '../rules/clockMonotonic.js';
import { isBefore } from '../domain/time.js';
import type { CampaignWideStates } from './campaignSubjects.js';

/**
 * What a campaign-level command's time is compared with (clock.monotonic): the latest event of its
 * campaign, in the campaign stream or in any subject stream (`states` holds every subject, see
 * `subjectsOf`). Pure.
 */
export const campaignClock = (campaignId: string, states: CampaignWideStates): ClockBound[] => {
  let lastAt = states.campaign.context.latestAt;
  let where = '';
  for (const [alias, state] of Object.entries(states))
    if (state.lastAt !== null && (lastAt === null || isBefore(lastAt, state.lastAt))) {
      lastAt = state.lastAt;
      where = alias === 'campaign' ? '' : ` (${alias.replace(':', ' ')})`;
    }
  return [{ of: `the latest event of campaign ${campaignId}${where}`, lastAt }];
};

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
