import type { CampaignStatus } from '../domain/Phase.js';
import type { CampaignPolicy } from '../domain/CampaignPolicy.js';

/** The campaign read model (one document per campaign): what the dashboard shows of the campaign itself. */
export type CampaignDoc = {
  campaignId: string;
  title: string;
  phase: CampaignStatus;
  endsAt: string | null;
  launchedAt: string | null;
  concludedAt: string | null;
  objectives: string[];
  principles: string[];
  document: { title: string; issuedBy: string } | null;
  leadingGroup: { id: string; name: string; title: string }[];
  policy: CampaignPolicy;
  enrolledOrganizations: number;
  commendedOrganizations: number;
  commendedMembers: number;
};
