import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { IsoDateTime, Text, TextList } from '../codec/primitives.js';
import { campaignEvent } from '../domain/domainEvents.js';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { authRole } from '../rules/authRole.js';
import { endsAfterLaunch } from '../rules/campaignDeadline.js';
import { clockMonotonic } from '../rules/clockMonotonic.js';
import { campaignClock } from './clockBounds.js';
import { subjectsOf, type CampaignWideStates } from './campaignSubjects.js';
import { notLaunched } from '../rules/phaseWindow.js';
import { statusOf } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef } from './streamRefs.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `LaunchCampaign`: title, endsAt, objectives[], principles[] (committee, before any phase). */
export const LaunchCampaignCommand = isFirst(
  commandCodec('LaunchCampaign', {
    ...campaignFields,
    title: Text,
    endsAt: IsoDateTime,
    objectives: TextList,
    principles: TextList,
  }),
);

/** A `LaunchCampaign` command. */
export type LaunchCampaign = t.TypeOf<typeof LaunchCampaignCommand>;

/** Decides `LaunchCampaign`: a committee launches a campaign once, ending after its launch. Pure. */
export const decideLaunchCampaign = (
  cmd: LaunchCampaign,
  states: CampaignWideStates,
): CampaignDecision<'campaign'> =>
  acceptIf(
    [
      authRole.judge({ command: cmd.type, role: cmd.actor.role, allowed: ['committee'] }),
      notLaunched.judge({ campaignId: cmd.campaignId, status: statusOf(states.campaign) }),
      endsAfterLaunch.judge({ at: cmd.at, endsAt: cmd.endsAt }),
      clockMonotonic.judge({ at: cmd.at, bounds: campaignClock(cmd.campaignId, states) }),
    ],
    () => ({
      campaign: [
        campaignEvent('CampaignLaunched', {
          campaignId: cmd.campaignId,
          title: cmd.title,
          endsAt: cmd.endsAt,
          objectives: cmd.objectives,
          principles: cmd.principles,
          policy: DEFAULT_POLICY,
        }),
      ],
    }),
  );

/** The engine's `LaunchCampaign` command (stream: the campaign). */
export const launchCampaign = defineCommand({
  type: 'LaunchCampaign',
  codec: LaunchCampaignCommand,
  streams: (cmd: LaunchCampaign) => ({ campaign: campaignRef(cmd.campaignId) }),
  derivedStreams: (cmd, states) => subjectsOf(cmd.campaignId, states),
  decide: (cmd, states) => decideLaunchCampaign(cmd, states),
});
