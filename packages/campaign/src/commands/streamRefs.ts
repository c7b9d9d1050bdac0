import type { StreamRef } from '@strive/engine';
import { campaignStreamId, organizationStreamId, subjectStreamId } from '../domain/streamIds.js';
import type { SubjectRef } from '../domain/Subject.js';
import { campaignWorkflow, type CampaignWorkflow } from '../workflows/campaignWorkflow.js';
import { subjectWorkflow, type SubjectWorkflow } from '../workflows/subjectWorkflow.js';

/** The campaign stream of a command. Pure. */
export const campaignRef = (campaignId: string): StreamRef<CampaignWorkflow> => ({
  workflow: campaignWorkflow,
  streamId: campaignStreamId(campaignId),
});

/** A subject's stream. Pure. */
export const subjectRef = (
  campaignId: string,
  subject: SubjectRef,
): StreamRef<SubjectWorkflow> => ({
  workflow: subjectWorkflow,
  streamId: subjectStreamId(campaignId, subject),
});

/** An organization's stream. Pure. */
export const organizationRef = (campaignId: string, orgId: string): StreamRef<SubjectWorkflow> => ({
  workflow: subjectWorkflow,
  streamId: organizationStreamId(campaignId, orgId),
});
