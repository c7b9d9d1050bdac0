import { rule } from '@strive/engine';
import { isBefore } from '../domain/time.js';

/** Input of `campaign.deadline`: the command's time and the campaign's end (null before launch). */
export interface DeadlineInput {
  readonly command: string;
  readonly at: string;
  readonly endsAt: string | null;
}

/** campaign.deadline: once `at` >= endsAt, nothing but `ConcludeCampaign` is accepted. Pure. */
export const campaignDeadline = rule<DeadlineInput>(
  'campaign.deadline',
  ({ command, at, endsAt }) =>
    `${command} at ${at} comes at or after the campaign's end (${endsAt ?? '?'}); only ConcludeCampaign is accepted then`,
  ({ at, endsAt }) => endsAt === null || isBefore(at, endsAt),
);

/** campaign.deadline: a campaign is launched with an end after its launch. Pure. */
export const endsAfterLaunch = rule<{ readonly at: string; readonly endsAt: string }>(
  'campaign.deadline',
  ({ at, endsAt }) => `the campaign must end after its launch: endsAt ${endsAt} is not after ${at}`,
  ({ at, endsAt }) => isBefore(at, endsAt),
);
