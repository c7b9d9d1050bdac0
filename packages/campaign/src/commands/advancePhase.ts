import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { campaignEvent } from '../domain/domainEvents.js';
import { PhaseCodec } from '../domain/Phase.js';
import { advancesToNext } from '../rules/phaseWindow.js';
import { campaignClock } from './clockBounds.js';
import { subjectsOf, type CampaignWideStates } from './campaignSubjects.js';
import { campaignJudgements, statusOf } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef } from './streamRefs.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `AdvancePhase`: `to`, a phase name. */
export const AdvancePhaseCommand = isFirst(
  commandCodec('AdvancePhase', {
    ...campaignFields,
    to: PhaseCodec,
  }),
);

/** An `AdvancePhase` command. */
export type AdvancePhase = t.TypeOf<typeof AdvancePhaseCommand>;

/**
 * Decides `AdvancePhase` (committee, any phase but concluded, to the next phase only). Advancing from
 * `commending` to `concluded` concludes the campaign (`CampaignConcluded`, reason completed). Pure.
 */
export const decideAdvancePhase = (
  cmd: AdvancePhase,
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
        deadline: true,
      }),
      advancesToNext.judge({ status, to: cmd.to }),
    ],
    () => {
      if (status === 'unlaunched' || status === 'concluded') return {};
      return {
        campaign: [
          cmd.to === 'concluded'
            ? campaignEvent('CampaignConcluded', {
                from: status,
                concludedAt: cmd.at,
                reason: 'completed',
              })
            : campaignEvent('PhaseAdvanced', { from: status, to: cmd.to }),
        ],
      };
    },
  );
};

/** The engine's `AdvancePhase` command (stream: the campaign). */
export const advancePhase = defineCommand({
  type: 'AdvancePhase',
  codec: AdvancePhaseCommand,
  streams: (cmd: AdvancePhase) => ({ campaign: campaignRef(cmd.campaignId) }),
  derivedStreams: (cmd, states) => subjectsOf(cmd.campaignId, states),
  decide: (cmd, states) => decideAdvancePhase(cmd, states),
});
