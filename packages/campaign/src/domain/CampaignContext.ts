import type { GroupMember, Person } from './Person.js';
import { DEFAULT_POLICY, type Policy } from './Policy.js';
import type { CampaignEventData, CampaignEventType } from './campaignEvents.js';
import type { SubjectRef } from './Subject.js';

/** An enrolled organization as the campaign stream lists it. */
export type OrganizationEntry = {
  readonly orgId: string;
  readonly name: string;
  readonly secretary: Person | null;
};

/** What a campaign stream knows: its charter, policy, leading group, and the counts the quota reads. */
export interface CampaignContext {
  readonly campaignId: string | null;
  readonly title: string | null;
  readonly endsAt: string | null;
  readonly objectives: readonly string[];
  readonly principles: readonly string[];
  readonly policy: Policy;
  readonly document: { readonly title: string; readonly issuedBy: string } | null;
  readonly leadingGroup: readonly GroupMember[];
  /**
   * Organizations enrolled in the campaign (their number is the quota's denominator) with their
   * current secretary, mirrored here so a member's evaluation can tell its organization's secretary.
   */
  readonly organizations: readonly OrganizationEntry[];
  /** Organizations commended so far (the quota's numerator). */
  readonly commendedOrganizations: number;
  readonly commendedMembers: number;
  readonly concludedAt: string | null;
}

/** The context of a campaign stream before its launch. */
export const initialCampaignContext: CampaignContext = {
  campaignId: null,
  title: null,
  endsAt: null,
  objectives: [],
  principles: [],
  policy: DEFAULT_POLICY,
  document: null,
  leadingGroup: [],
  organizations: [],
  commendedOrganizations: 0,
  commendedMembers: 0,
  concludedAt: null,
};

type Reducers = {
  readonly [K in CampaignEventType]: (
    c: CampaignContext,
    d: CampaignEventData[K],
  ) => CampaignContext;
};

const commended = (c: CampaignContext, s: SubjectRef): CampaignContext =>
  s.kind === 'organization'
    ? { ...c, commendedOrganizations: c.commendedOrganizations + 1 }
    : { ...c, commendedMembers: c.commendedMembers + 1 };

/** The pure reducers of a campaign's context, one per event type (the machine keeps the phase). */
export const evolveCampaign: Reducers = {
  CampaignLaunched: (c, d) => ({
    ...c,
    campaignId: d.campaignId,
    title: d.title,
    endsAt: d.endsAt,
    objectives: d.objectives,
    principles: d.principles,
    policy: d.policy,
  }),
  ImplementationOpinionsPublished: (c, d) => ({ ...c, document: d.document, policy: d.policy }),
  LeadingGroupEstablished: (c, d) => ({ ...c, leadingGroup: d.members }),
  PhaseAdvanced: (c) => c,
  OrganizationRegistered: (c, d) => ({
    ...c,
    organizations: [...c.organizations, { orgId: d.orgId, name: d.name, secretary: d.secretary }],
  }),
  OrganizationSecretaryChanged: (c, d) => ({
    ...c,
    organizations: c.organizations.map((o) =>
      o.orgId === d.orgId ? { ...o, secretary: d.secretary } : o,
    ),
  }),
  CommendationRecorded: (c, d) => commended(c, d.subject),
  CampaignConcluded: (c, d) => ({ ...c, concludedAt: d.concludedAt }),
};
