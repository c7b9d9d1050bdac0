import { acceptIf, commandCodec, defineCommand, refine } from '@strive/engine';
import * as t from 'io-ts';
import { campaignEvent } from '../domain/domainEvents.js';
import { GroupMemberCodec, type GroupMember } from '../domain/Person.js';
import { campaignClock } from './clockBounds.js';
import { subjectsOf, type CampaignWideStates } from './campaignSubjects.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef } from './streamRefs.js';
import { isFirst } from '../codec/isFirst.js';

const uniqueIds = (ms: readonly GroupMember[]): boolean =>
  new Set(ms.map((m) => m.id)).size === ms.length;

/** io-ts codec of `EstablishLeadingGroup`: members [{id, name, title}], at least one, ids distinct. */
export const EstablishLeadingGroupCommand = isFirst(
  commandCodec('EstablishLeadingGroup', {
    ...campaignFields,
    members: refine(
      t.readonlyArray(GroupMemberCodec),
      (ms) => ms.length >= 1 && ms.length <= 200 && uniqueIds(ms),
      'LeadingGroupMembers',
      'must list 1 to 200 members with distinct ids',
    ),
  }),
);

/** An `EstablishLeadingGroup` command. */
export type EstablishLeadingGroup = t.TypeOf<typeof EstablishLeadingGroupCommand>;

/** Decides `EstablishLeadingGroup` (committee, mobilizing); a later notice replaces the group. Pure. */
export const decideEstablishLeadingGroup = (
  cmd: EstablishLeadingGroup,
  states: CampaignWideStates,
): CampaignDecision<'campaign'> =>
  acceptIf(
    campaignJudgements({
      command: cmd.type,
      cmd,
      campaign: states.campaign,
      roles: ['committee'],
      phases: ['mobilizing'],
      clock: campaignClock(cmd.campaignId, states),
      deadline: true,
    }),
    () => ({ campaign: [campaignEvent('LeadingGroupEstablished', { members: cmd.members })] }),
  );

/** The engine's `EstablishLeadingGroup` command (stream: the campaign). */
export const establishLeadingGroup = defineCommand({
  type: 'EstablishLeadingGroup',
  codec: EstablishLeadingGroupCommand,
  streams: (cmd: EstablishLeadingGroup) => ({ campaign: campaignRef(cmd.campaignId) }),
  derivedStreams: (cmd, states) => subjectsOf(cmd.campaignId, states),
  decide: (cmd, states) => decideEstablishLeadingGroup(cmd, states),
});
