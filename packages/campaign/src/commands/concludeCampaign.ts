import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { campaignEvent } from '../domain/domainEvents.js';
import { concludeWindow } from '../rules/phaseWindow.js';
import { campaignClock } from './clockBounds.js';
import { subjectsOf, type CampaignWideStates } from './campaignSubjects.js';
import { campaignJudgements, statusOf } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef } from './streamRefs.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `ConcludeCampaign` (no fields beyond the common ones). */
export const ConcludeCampaignCommand = isFirst(commandCodec('ConcludeCampaign', campaignFields));

/** A `ConcludeCampaign` command. */
export type ConcludeCampaign = t.TypeOf<typeof ConcludeCampaignCommand>;

/**
 * Decides `ConcludeCampaign` (committee; from commending, or from any phase once `at` >= endsAt).
 * Subjects keep their states. Pure.
 */
export const decideConcludeCampaign = (
  cmd: ConcludeCampaign,
  states: CampaignWideStates,
): CampaignDecision<'campaign'> => {
  const status = statusOf(states.campaign);
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign: states.campaign,
        roles: ['committee'],
        phases: ['mobilizing', 'committing', 'evaluating', 'commending'],
        clock: campaignClock(cmd.campaignId, states),
        deadline: false,
      }),
      concludeWindow.judge({ status, at: cmd.at, endsAt: states.campaign.context.endsAt }),
    ],
    () =>
      status === 'unlaunched' || status === 'concluded'
        ? {}
        : {
            campaign: [
              campaignEvent('CampaignConcluded', {
                from: status,
                concludedAt: cmd.at,
                reason: status === 'commending' ? 'completed' : 'deadline',
              }),
            ],
          },
  );
};

/** The engine's `ConcludeCampaign` command (stream: the campaign). */
export const concludeCampaign = defineCommand({
  type: 'ConcludeCampaign',
  codec: ConcludeCampaignCommand,
  streams: (cmd: ConcludeCampaign) => ({ campaign: campaignRef(cmd.campaignId) }),
  derivedStreams: (cmd, states) => subjectsOf(cmd.campaignId, states),
  decide: (cmd, states) => decideConcludeCampaign(cmd, states),
});
