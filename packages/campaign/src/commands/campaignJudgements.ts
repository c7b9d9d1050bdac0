import type { Judgement, WorkflowState } from '@strive/engine';
import type { CampaignContext } from '../domain/CampaignContext.js';
import { isPhase, type CampaignStatus, type Phase } from '../domain/Phase.js';
import type { CampaignActor, Role } from '../domain/Role.js';
import { authRole } from '../rules/authRole.js';
import { campaignConcluded } from '../rules/campaignConcluded.js';
import { campaignDeadline } from '../rules/campaignDeadline.js';
import { clockMonotonic, type ClockBound } from '../rules/clockMonotonic.js';
import { phaseWindow } from '../rules/phaseWindow.js';

/** The campaign's status from its stream state: a phase, or `unlaunched`. Pure. */
export const statusOf = (campaign: WorkflowState<CampaignContext>): CampaignStatus =>
  isPhase(campaign.value) ? campaign.value : 'unlaunched';

/** What every command of a launched campaign is judged on. */
export interface CommonInput {
  readonly command: string;
  readonly cmd: { readonly at: string; readonly actor: CampaignActor; readonly campaignId: string };
  readonly campaign: WorkflowState<CampaignContext>;
  readonly roles: readonly Role[];
  /** Phases that allow the command; `null` when the command has its own window rule. */
  readonly phases: readonly Phase[] | null;
  /** The times the command's `at` must not precede (clock.monotonic): `campaignClock` or `subjectClock`. */
  readonly clock: readonly ClockBound[];
  /** Whether campaign.deadline applies (everything but ConcludeCampaign). */
  readonly deadline: boolean;
}

/**
 * The judgements every campaign command shares: auth.role, phase.window, campaign.concluded,
 * campaign.deadline and clock.monotonic. Pure.
 */
export const campaignJudgements = (input: CommonInput): Judgement[] => {
  const { command, cmd, campaign, roles, phases, clock, deadline } = input;
  const status = statusOf(campaign);
  return [
    authRole.judge({ command, role: cmd.actor.role, allowed: roles }),
    ...(phases === null
      ? []
      : [phaseWindow.judge({ command, campaignId: cmd.campaignId, status, allowed: phases })]),
    campaignConcluded.judge({
      campaignId: cmd.campaignId,
      status,
      concludedAt: campaign.context.concludedAt,
    }),
    ...(deadline
      ? [campaignDeadline.judge({ command, at: cmd.at, endsAt: campaign.context.endsAt })]
      : []),
    clockMonotonic.judge({ at: cmd.at, bounds: clock }),
  ];
};
