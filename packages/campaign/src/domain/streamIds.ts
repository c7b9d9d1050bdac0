import type { SubjectRef } from './Subject.js';

/**
 * The stream of a campaign: `campaign-<campaignId>`. Pure.
 * @example campaignStreamId('zz2010') === 'campaign-zz2010'
 */
export const campaignStreamId = (campaignId: string): string => `campaign-${campaignId}`;

/**
 * The stream of a subject of a campaign: `subject-<campaignId>-<kind>-<id>`. Campaign ids never
 * contain `-organization-` or `-member-` (the codec refuses them), so two subjects never share a stream. Pure.
 * @example subjectStreamId('zz2010', { kind: 'organization', id: 'org-1' }) === 'subject-zz2010-organization-org-1'
 */
export const subjectStreamId = (campaignId: string, subject: SubjectRef): string =>
  `subject-${campaignId}-${subject.kind}-${subject.id}`;

/** The stream of an organization of a campaign. Pure. */
export const organizationStreamId = (campaignId: string, orgId: string): string =>
  subjectStreamId(campaignId, { kind: 'organization', id: orgId });

/** The stream of a member of a campaign. Pure. */
export const memberStreamId = (campaignId: string, memberId: string): string =>
  subjectStreamId(campaignId, { kind: 'member', id: memberId });
