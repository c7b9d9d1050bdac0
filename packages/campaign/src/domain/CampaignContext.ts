import type { StoredEvent } from '@strive/eventlog';
import type { GroupMember, Person } from './Person.js';
import { DEFAULT_POLICY, type CampaignPolicy } from './CampaignPolicy.js';
import type { CampaignEventData, CampaignEventType } from './campaignEvents.js';
import type { SubjectRef } from './Subject.js';
import { isBefore } from './time.js';

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
  readonly policy: CampaignPolicy;
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
  /**
   * Time of the last campaign-level event (launched, opinions, leading group, phase advanced,
   * concluded): what a subject command's `at` is compared with (clock.monotonic).
   */
  readonly campaignLevelAt: string | null;
  /** The latest time of any event of this stream (bookkeeping included), compared as instants. */
  readonly latestAt: string | null;
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
  campaignLevelAt: null,
  latestAt: null,
};

type Reducers = {
  readonly [K in CampaignEventType]: (
    c: CampaignContext,
    d: CampaignEventData[K],
    e: StoredEvent,
  ) => CampaignContext;
};

const latest = (a: string | null, b: string): string => (a === null || isBefore(a, b) ? b : a);

/** Records the time of an event: campaign-level ones also move `campaignLevelAt`. Pure. */
const timed = (c: CampaignContext, e: StoredEvent, campaignLevel: boolean): CampaignContext => ({
  ...c,
  latestAt: latest(c.latestAt, e.metadata.at),
  ...(campaignLevel ? { campaignLevelAt: e.metadata.at } : {}),
});

const commended = (c: CampaignContext, s: SubjectRef): CampaignContext =>
  s.kind === 'organization'
    ? { ...c, commendedOrganizations: c.commendedOrganizations + 1 }
    : { ...c, commendedMembers: c.commendedMembers + 1 };

/** The pure reducers of a campaign's context, one per event type (the machine keeps the phase). */
export const evolveCampaign: Reducers = {
  CampaignLaunched: (c, d, e) =>
    timed(
      {
        ...c,
        campaignId: d.campaignId,
        title: d.title,
        endsAt: d.endsAt,
        objectives: d.objectives,
        principles: d.principles,
        policy: d.policy,
      },
      e,
      true,
    ),
  ImplementationOpinionsPublished: (c, d, e) =>
    timed({ ...c, document: d.document, policy: d.policy }, e, true),
  LeadingGroupEstablished: (c, d, e) => timed({ ...c, leadingGroup: d.members }, e, true),
  PhaseAdvanced: (c, _d, e) => timed(c, e, true),
  OrganizationRegistered: (c, d, e) =>
    timed(
      {
        ...c,
        organizations: [
          ...c.organizations,
          { orgId: d.orgId, name: d.name, secretary: d.secretary },
        ],
      },
      e,
      false,
    ),
  OrganizationSecretaryChanged: (c, d, e) =>
    timed(
      {
        ...c,
        organizations: c.organizations.map((o) =>
          o.orgId === d.orgId ? { ...o, secretary: d.secretary } : o,
        ),
      },
      e,
      false,
    ),
  CommendationRecorded: (c, d, e) => timed(commended(c, d.subject), e, false),
  CampaignConcluded: (c, d, e) => timed({ ...c, concludedAt: d.concludedAt }, e, true),
};
