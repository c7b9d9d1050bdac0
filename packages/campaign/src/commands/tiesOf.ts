import type { CampaignContext } from '../domain/CampaignContext.js';
import type { SubjectRef } from '../domain/Subject.js';
import type { SubjectContext } from '../domain/SubjectContext.js';
import type { Tie } from '../rules/evaluationIndependence.js';

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
  const org = campaign.organizations.find((o) => o.orgId === subject.orgId);
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
