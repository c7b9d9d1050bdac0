import { defineProjection, valueAfter, type ProjectionRecipe } from '@strive/engine';
import type { JsonValue, StoredEvent } from '@strive/eventlog';
import type { Draft } from 'immer';
import {
  campaignEventCodec as c,
  isCampaignEventType,
  type CampaignEventData,
  type CampaignEventType,
} from '../domain/campaignEvents.js';
import { isPhase } from '../domain/Phase.js';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignWorkflow } from '../workflows/campaignWorkflow.js';
import type { CampaignDoc } from './CampaignDoc.js';
import { decodeData } from './decodeData.js';

type Recipes = {
  readonly [K in CampaignEventType]: (
    d: Draft<CampaignDoc>,
    data: CampaignEventData[K],
    e: StoredEvent,
  ) => void;
};

const recipes: Recipes = {
  CampaignLaunched: (d, data, e) => {
    d.title = data.title;
    d.endsAt = data.endsAt;
    d.launchedAt = e.metadata.at;
    d.objectives = [...data.objectives];
    d.principles = [...data.principles];
    d.policy = { ...data.policy };
  },
  ImplementationOpinionsPublished: (d, data) => {
    d.document = { ...data.document };
    d.policy = { ...data.policy };
  },
  LeadingGroupEstablished: (d, data) => {
    d.leadingGroup = data.members.map((m) => ({ ...m }));
  },
  PhaseAdvanced: () => undefined,
  OrganizationRegistered: (d) => {
    d.enrolledOrganizations += 1;
  },
  OrganizationSecretaryChanged: () => undefined,
  CommendationRecorded: (d, data) => {
    if (data.subject.kind === 'organization') d.commendedOrganizations += 1;
    else d.commendedMembers += 1;
  },
  CampaignConcluded: (d, data) => {
    d.concludedAt = data.concludedAt;
  },
};

const recipe =
  <K extends CampaignEventType>(type: K): ProjectionRecipe<CampaignDoc> =>
  (draft: Draft<CampaignDoc>, data: JsonValue, event: StoredEvent) => {
    recipes[type](draft, decodeData(c[type], type, data), event);
    const next = valueAfter(campaignWorkflow, draft.phase, type, data, null);
    if (next !== undefined && (isPhase(next) || next === 'unlaunched')) draft.phase = next;
  };

const PREFIX = 'campaign-';

/** A campaign document before its launch is folded. Pure. */
const initialCampaignDoc = (key: string): CampaignDoc => ({
  campaignId: key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key,
  title: '',
  phase: 'unlaunched',
  endsAt: null,
  launchedAt: null,
  concludedAt: null,
  objectives: [],
  principles: [],
  document: null,
  leadingGroup: [],
  policy: DEFAULT_POLICY,
  enrolledOrganizations: 0,
  commendedOrganizations: 0,
  commendedMembers: 0,
});

/**
 * The campaigns read model: one `CampaignDoc` per campaign stream (keyed by stream id), folded from the
 * campaign events; the phase follows the campaign machine. Async, checkpointed, rebuildable. Pure data.
 */
export const campaignsProjection = defineProjection<CampaignDoc>({
  name: 'campaign-campaigns',
  version: 1,
  keyOf: (e) =>
    e.streamId.startsWith(PREFIX) && isCampaignEventType(e.type) ? e.streamId : undefined,
  initial: initialCampaignDoc,
  apply: {
    CampaignLaunched: recipe('CampaignLaunched'),
    ImplementationOpinionsPublished: recipe('ImplementationOpinionsPublished'),
    LeadingGroupEstablished: recipe('LeadingGroupEstablished'),
    PhaseAdvanced: recipe('PhaseAdvanced'),
    OrganizationRegistered: recipe('OrganizationRegistered'),
    OrganizationSecretaryChanged: recipe('OrganizationSecretaryChanged'),
    CommendationRecorded: recipe('CommendationRecorded'),
    CampaignConcluded: recipe('CampaignConcluded'),
  },
});
