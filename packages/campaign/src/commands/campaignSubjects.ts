import { headOf, type HeadWorkflow, type StatesOf, type StreamRefs } from '@strive/engine';
import type { CampaignWorkflow } from '../workflows/campaignWorkflow.js';
import type { SubjectWorkflow } from '../workflows/subjectWorkflow.js';
import { organizationRef, subjectRef } from './streamRefs.js';

/**
 * Every subject stream of a campaign, by alias: each organization folded (its state lists its
 * members), each member read only at its head (when it last changed).
 */
export type CampaignSubjects = Readonly<Record<`organization:${string}`, SubjectWorkflow>> &
  Readonly<Record<`member:${string}`, HeadWorkflow>>;

/** The streams a campaign-level command names: its campaign. */
export type CampaignStream = { readonly campaign: CampaignWorkflow };

/** What a campaign-level command decides on: its campaign's state and every subject's, by alias. */
export type CampaignWideStates = StatesOf<CampaignStream & CampaignSubjects>;

/**
 * Every subject stream of a campaign the states loaded so far name (a campaign-level command's
 * `derivedStreams`): the organizations its campaign lists, then the members each organization lists,
 * read at their heads (`headOf`: clock.monotonic needs only their last event; a campaign of 41,000
 * members folded them all). The engine checks every version in the command's append, so a subject
 * event written meanwhile makes the command decide again (clock.monotonic sees every event of the
 * campaign). Pure.
 */
export const subjectsOf = (
  campaignId: string,
  states: StatesOf<CampaignStream> & Partial<StatesOf<CampaignSubjects>>,
): StreamRefs<CampaignSubjects> => {
  const refs: Record<`organization:${string}`, ReturnType<typeof subjectRef>> &
    Record<`member:${string}`, ReturnType<typeof headOf>> = {};
  for (const { orgId } of states.campaign.context.organizations) {
    refs[`organization:${orgId}`] = organizationRef(campaignId, orgId);
    for (const { id } of states[`organization:${orgId}`]?.context.members ?? [])
      refs[`member:${id}`] = headOf(subjectRef(campaignId, { kind: 'member', id }).streamId);
  }
  return refs;
};
