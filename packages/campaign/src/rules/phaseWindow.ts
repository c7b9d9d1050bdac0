import { rule } from '@strive/engine';
import { nextPhase, type CampaignStatus, type Phase } from '../domain/Phase.js';
import { isBefore } from '../domain/time.js';

/** Input of `phase.window`: the command, the campaign's status and the phases that allow it. */
export interface PhaseWindowInput {
  readonly command: string;
  readonly campaignId: string;
  readonly status: CampaignStatus;
  readonly allowed: readonly Phase[];
}

/**
 * phase.window: the campaign exists and is in a phase that allows the command. A concluded campaign is
 * left to `campaign.concluded` (this rule holds there, so the refusal names the real reason once). Pure.
 */
export const phaseWindow = rule<PhaseWindowInput>(
  'phase.window',
  ({ command, campaignId, status, allowed }) =>
    status === 'unlaunched'
      ? `campaign ${campaignId} has not been launched`
      : `${command} is allowed while the campaign is ${allowed.join(' or ')}; campaign ${campaignId} is ${status}`,
  ({ status, allowed }) => status === 'concluded' || allowed.some((p) => p === status),
);

/** Input of `phase.window` for `LaunchCampaign`. */
export interface NotLaunchedInput {
  readonly campaignId: string;
  readonly status: CampaignStatus;
}

/** phase.window: a campaign is launched once (its stream has no phase yet). Pure. */
export const notLaunched = rule<NotLaunchedInput>(
  'phase.window',
  ({ campaignId, status }) => `campaign ${campaignId} was already launched (it is ${status})`,
  ({ status }) => status === 'unlaunched',
);

/** Input of `phase.window` for `AdvancePhase`. */
export interface AdvanceInput {
  readonly status: CampaignStatus;
  readonly to: Phase;
}

/** phase.window: `AdvancePhase` moves to the next phase only. Pure. */
export const advancesToNext = rule<AdvanceInput>(
  'phase.window',
  ({ status, to }) => {
    if (status === 'unlaunched' || status === 'concluded')
      return `a campaign that is ${status} does not advance`;
    return `the campaign is ${status}; it can only advance to ${nextPhase(status) ?? '(nothing)'}, not ${to}`;
  },
  ({ status, to }) => status === 'unlaunched' || status === 'concluded' || nextPhase(status) === to,
);

/** Input of `phase.window` for `ConcludeCampaign`. */
export interface ConcludeWindowInput {
  readonly status: CampaignStatus;
  readonly at: string;
  readonly endsAt: string | null;
}

/** phase.window: a campaign concludes from `commending`, or from any phase once `at` >= endsAt. Pure. */
export const concludeWindow = rule<ConcludeWindowInput>(
  'phase.window',
  ({ status, at, endsAt }) =>
    `a campaign concludes from commending, or from any phase once its end (${endsAt ?? '?'}) has come; it is ${status} at ${at}`,
  ({ status, at, endsAt }) =>
    status === 'unlaunched' ||
    status === 'concluded' ||
    status === 'commending' ||
    (endsAt !== null && !isBefore(at, endsAt)),
);
