import { acceptIf, defineCommand, type WorkflowState } from '@strive/engine';
import type * as t from 'io-ts';
import type { CampaignContext } from '../domain/CampaignContext.js';
import { campaignEvent } from '../domain/domainEvents.js';
import { concludeWindow } from '../rules/phaseWindow.js';
import { campaignClock } from './clockBounds.js';
import { campaignJudgements, statusOf } from './campaignJudgements.js';
import { commandCodec } from './commandCodec.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef } from './streamRefs.js';

/** io-ts codec of `ConcludeCampaign` (no fields beyond the common ones). */
export const ConcludeCampaignCommand = commandCodec('ConcludeCampaign', {}, {});

/** A `ConcludeCampaign` command. */
export type ConcludeCampaign = t.TypeOf<typeof ConcludeCampaignCommand>;

/**
 * Decides `ConcludeCampaign` (committee; from commending, or from any phase once `at` >= endsAt).
 * Subjects keep their states. Pure.
 */
export const decideConcludeCampaign = (
  cmd: ConcludeCampaign,
  { campaign }: { readonly campaign: WorkflowState<CampaignContext> },
): CampaignDecision<'campaign'> => {
  const status = statusOf(campaign);
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['committee'],
        phases: ['mobilizing', 'committing', 'evaluating', 'commending'],
        clock: campaignClock(cmd.campaignId, campaign),
        deadline: false,
      }),
      concludeWindow.judge({ status, at: cmd.at, endsAt: campaign.context.endsAt }),
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
  decide: (cmd, states) => decideConcludeCampaign(cmd, states),
});
