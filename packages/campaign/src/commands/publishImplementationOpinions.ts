import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Text } from '../codec/primitives.js';
import { campaignEvent } from '../domain/domainEvents.js';
import { applyPolicy, CampaignPolicyOverrideCodec } from '../domain/CampaignPolicy.js';
import { campaignClock } from './clockBounds.js';
import { subjectsOf, type CampaignWideStates } from './campaignSubjects.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef } from './streamRefs.js';
import { isFirst } from '../codec/isFirst.js';

/**
 * io-ts codec of `PublishImplementationOpinions`: document {title, issuedBy} and an optional partial
 * policy (unknown keys Invalid, shares within 0..1, counts whole numbers).
 */
export const PublishImplementationOpinionsCommand = isFirst(
  commandCodec(
    'PublishImplementationOpinions',
    { ...campaignFields, document: closed('Document', { title: Text, issuedBy: Text }, {}) },
    { policy: CampaignPolicyOverrideCodec },
  ),
);

/** A `PublishImplementationOpinions` command. */
export type PublishImplementationOpinions = t.TypeOf<typeof PublishImplementationOpinionsCommand>;

/**
 * Decides `PublishImplementationOpinions` (committee, mobilizing): records the document and the policy
 * in force, the numbers it gives replacing those in force before (defaults, or an earlier issue). Pure.
 */
export const decidePublishImplementationOpinions = (
  cmd: PublishImplementationOpinions,
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
    () => ({
      campaign: [
        campaignEvent('ImplementationOpinionsPublished', {
          document: cmd.document,
          policy: applyPolicy(states.campaign.context.policy, cmd.policy ?? {}),
        }),
      ],
    }),
  );

/** The engine's `PublishImplementationOpinions` command (stream: the campaign). */
export const publishImplementationOpinions = defineCommand({
  type: 'PublishImplementationOpinions',
  codec: PublishImplementationOpinionsCommand,
  streams: (cmd: PublishImplementationOpinions) => ({ campaign: campaignRef(cmd.campaignId) }),
  derivedStreams: (cmd, states) => subjectsOf(cmd.campaignId, states),
  decide: (cmd, states) => decidePublishImplementationOpinions(cmd, states),
});
