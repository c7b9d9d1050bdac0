import { defineWorkflow } from '@strive/engine';
import { evolveCampaign, initialCampaignContext } from '../domain/CampaignContext.js';
import { campaignEventCodecs as c } from '../domain/campaignEvents.js';
import { campaignMachine } from '../machines/campaignMachine.js';

/**
 * The workflow of a campaign stream (`campaign-<id>`): the campaign machine for the phase, the
 * `evolveCampaign` reducers for the context (charter, policy, leading group, enrolled and commended
 * counts). Pure data.
 */
export const campaignWorkflow = defineWorkflow({
  name: 'campaign',
  // 2: the context records the campaign's clock (campaignLevelAt, latestAt) for clock.monotonic.
  version: 2,
  machine: campaignMachine,
  events: {
    CampaignLaunched: { codec: c.CampaignLaunched, schemaVersion: 1 },
    ImplementationOpinionsPublished: { codec: c.ImplementationOpinionsPublished, schemaVersion: 1 },
    LeadingGroupEstablished: { codec: c.LeadingGroupEstablished, schemaVersion: 1 },
    PhaseAdvanced: { codec: c.PhaseAdvanced, schemaVersion: 1 },
    OrganizationRegistered: { codec: c.OrganizationRegistered, schemaVersion: 1 },
    OrganizationSecretaryChanged: { codec: c.OrganizationSecretaryChanged, schemaVersion: 1 },
    CommendationRecorded: { codec: c.CommendationRecorded, schemaVersion: 1 },
    CampaignConcluded: { codec: c.CampaignConcluded, schemaVersion: 1 },
  },
  initialContext: initialCampaignContext,
  evolve: evolveCampaign,
});

/** The campaign workflow's type. */
export type CampaignWorkflow = typeof campaignWorkflow;
