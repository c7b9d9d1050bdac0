import * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Id, IsoDateTime, oneOf, Text, TextList } from '../codec/primitives.js';
import { CategoryCodec } from './Category.js';
import { GroupMemberCodec, PersonCodec } from './Person.js';
import { PhaseCodec } from './Phase.js';
import { CampaignPolicyCodec } from './CampaignPolicy.js';
import { SubjectRefCodec } from './Subject.js';

/** io-ts codecs of the data of every event of a campaign stream, by event type. */
export const campaignEventCodecs = {
  CampaignLaunched: closed(
    'CampaignLaunched',
    {
      campaignId: Id,
      title: Text,
      endsAt: IsoDateTime,
      objectives: TextList,
      principles: TextList,
      policy: CampaignPolicyCodec,
    },
    {},
  ),
  ImplementationOpinionsPublished: closed(
    'ImplementationOpinionsPublished',
    {
      document: closed('Document', { title: Text, issuedBy: Text }, {}),
      policy: CampaignPolicyCodec,
    },
    {},
  ),
  LeadingGroupEstablished: closed(
    'LeadingGroupEstablished',
    { members: t.readonlyArray(GroupMemberCodec) },
    {},
  ),
  PhaseAdvanced: closed('PhaseAdvanced', { from: PhaseCodec, to: PhaseCodec }, {}),
  OrganizationRegistered: closed(
    'OrganizationRegistered',
    { orgId: Id, name: Text, category: CategoryCodec, secretary: t.union([PersonCodec, t.null]) },
    {},
  ),
  OrganizationSecretaryChanged: closed(
    'OrganizationSecretaryChanged',
    { orgId: Id, secretary: PersonCodec },
    {},
  ),
  CommendationRecorded: closed(
    'CommendationRecorded',
    { campaignId: Id, subject: SubjectRefCodec, name: Text, commendedAt: IsoDateTime },
    {},
  ),
  CampaignConcluded: closed(
    'CampaignConcluded',
    {
      from: PhaseCodec,
      concludedAt: IsoDateTime,
      reason: oneOf('ConcludeReason', ['completed', 'deadline']),
    },
    {},
  ),
} as const;

type Codecs = typeof campaignEventCodecs;

/** The data of each campaign event type. */
export type CampaignEventData = { readonly [K in keyof Codecs]: t.TypeOf<Codecs[K]> };

/** A campaign event type. */
export type CampaignEventType = keyof Codecs;

/** A campaign event as the machine sees it: `{ type, ...data }`. */
export type CampaignMachineEvent = {
  readonly [K in CampaignEventType]: { readonly type: K } & CampaignEventData[K];
}[CampaignEventType];

/** The codecs of the campaign events as a mapped type (so a codec looked up by a generic type keeps its data type). */
export const campaignEventCodec: {
  readonly [K in CampaignEventType]: t.Type<CampaignEventData[K], unknown, unknown>;
} = campaignEventCodecs;

/** Whether a string is a campaign event type. Pure. */
export const isCampaignEventType = (type: string): type is CampaignEventType =>
  Object.hasOwn(campaignEventCodecs, type);
