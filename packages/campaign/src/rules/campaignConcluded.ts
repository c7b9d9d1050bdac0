import { rule } from '@strive/engine';
import type { CampaignStatus } from '../domain/Phase.js';

/** Input of `campaign.concluded`. */
export interface ConcludedInput {
  readonly campaignId: string;
  readonly status: CampaignStatus;
  readonly concludedAt: string | null;
}

/** campaign.concluded: a concluded campaign takes nothing but reads. Pure. */
export const campaignConcluded = rule<ConcludedInput>(
  'campaign.concluded',
  ({ campaignId, concludedAt }) =>
    `campaign ${campaignId} was concluded${concludedAt === null ? '' : ` at ${concludedAt}`}; it takes no more commands`,
  ({ status }) => status !== 'concluded',
);
