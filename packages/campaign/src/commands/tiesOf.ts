import type { CampaignContext, OrganizationEntry } from '../domain/CampaignContext.js';
import type { SubjectRef } from '../domain/Subject.js';
import type { SubjectContext } from '../domain/SubjectContext.js';
import type { Tie } from '../rules/evaluationIndependence.js';

const indexes = new WeakMap<readonly OrganizationEntry[], ReadonlyMap<string, OrganizationEntry>>();

/**
 * The campaign's organizations by id, built once per `organizations` array (a new array only when an
 * organization enrolls or changes secretary): a member's evaluation looked its organization up by a
 * scan of every enrolled organization. The first entry of an id wins, as `find` did. Pure (memoized).
 */
const organizationsById = (campaign: CampaignContext): ReadonlyMap<string, OrganizationEntry> => {
  const known = indexes.get(campaign.organizations);
  if (known !== undefined) return known;
  const byId = new Map<string, OrganizationEntry>();
  for (const o of campaign.organizations) if (!byId.has(o.orgId)) byId.set(o.orgId, o);
  indexes.set(campaign.organizations, byId);
  return byId;
};

/**
 * Everyone who may not evaluate (or recommend) a subject: for an organization, its secretary and its
 * enrolled members (from the organization's stream); for a member, the member and the current
 * secretary of its organization (mirrored in the campaign stream). Pure.
 */
export const tiesOf = (
  ref: SubjectRef,
  subject: SubjectContext,
  campaign: CampaignContext,
): Tie[] => {
  if (ref.kind === 'organization')
    return [
      ...(subject.secretary === null
        ? []
        : [{ id: subject.secretary.id, relation: `the secretary of organization ${ref.id}` }]),
      ...subject.members.map((m) => ({
        id: m.id,
        relation: `an enrolled member of organization ${ref.id}`,
      })),
    ];
  const org = subject.orgId === null ? undefined : organizationsById(campaign).get(subject.orgId);
  return [
    { id: ref.id, relation: `member ${ref.id} themself` },
    ...(org?.secretary == null
      ? []
      : [
          {
            id: org.secretary.id,
            relation: `the secretary of member ${ref.id}'s organization ${org.orgId}`,
          },
        ]),
  ];
};
