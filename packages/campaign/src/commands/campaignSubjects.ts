import type { StatesOf, StreamRefs } from '@strive/engine';
import type { CampaignWorkflow } from '../workflows/campaignWorkflow.js';
import type { SubjectWorkflow } from '../workflows/subjectWorkflow.js';
import { organizationRef, subjectRef } from './streamRefs.js';

/** The alias of a subject stream a campaign-level command loads: `organization:<id>` or `member:<id>`. */
type SubjectAlias = `organization:${string}` | `member:${string}`;

/** Every subject stream of a campaign, by alias. */
export type CampaignSubjects = Readonly<Record<SubjectAlias, SubjectWorkflow>>;

/** The streams a campaign-level command names: its campaign. */
export type CampaignStream = { readonly campaign: CampaignWorkflow };

/** What a campaign-level command decides on: its campaign's state and every subject's, by alias. */
export type CampaignWideStates = StatesOf<CampaignStream & CampaignSubjects>;

/**
 * Every subject stream of a campaign the states loaded so far name (a campaign-level command's
 * `derivedStreams`): the organizations its campaign lists, then the members each organization lists.
 * The engine loads them and checks their versions in the command's append, so a subject event written
 * meanwhile makes the command decide again (clock.monotonic sees every event of the campaign). Pure.
 */
export const subjectsOf = (
  campaignId: string,
  states: StatesOf<CampaignStream> & Partial<StatesOf<CampaignSubjects>>,
): StreamRefs<CampaignSubjects> => {
  const refs: Record<SubjectAlias, ReturnType<typeof subjectRef>> = {};
  for (const { orgId } of states.campaign.context.organizations) {
    refs[`organization:${orgId}`] = organizationRef(campaignId, orgId);
    for (const { id } of states[`organization:${orgId}`]?.context.members ?? [])
      refs[`member:${id}`] = subjectRef(campaignId, { kind: 'member', id });
  }
  return refs;
};
