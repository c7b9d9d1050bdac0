import { acceptIf, commandCodec, defineCommand, refine } from '@strive/engine';
import * as t from 'io-ts';
import { subjectEvent } from '../domain/domainEvents.js';
import { PledgeCodec } from '../domain/Pledge.js';
import { describeSubject, SubjectRefCodec } from '../domain/Subject.js';
import { authMemberSelf, authSecretary } from '../rules/authSecretary.js';
import { commitmentConcrete } from '../rules/commitmentConcrete.js';
import { commitmentFirstResponsible } from '../rules/commitmentFirstResponsible.js';
import { subjectState } from '../rules/subjectState.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import { subjectClock } from './clockBounds.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `PublishCommitment`: subject and pledges [{id, text, centralTask, target {metric, value, unit?}, due}]. */
export const PublishCommitmentCommand = isFirst(
  commandCodec('PublishCommitment', {
    ...campaignFields,
    subject: SubjectRefCodec,
    pledges: refine(
      t.readonlyArray(PledgeCodec),
      (ps) => ps.length <= 100,
      'Pledges',
      'must list at most 100 pledges',
    ),
  }),
);

/** A `PublishCommitment` command. */
export type PublishCommitment = t.TypeOf<typeof PublishCommitmentCommand>;

/**
 * Decides `PublishCommitment` (an organization's by its current secretary, a member's by the member;
 * mobilizing or committing; an enrolled subject that has not committed yet): the commitment must be
 * concrete, and an organization must have a first responsible person. Pure.
 */
export const decidePublishCommitment = (
  cmd: PublishCommitment,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'subject'> => {
  const isOrg = cmd.subject.kind === 'organization';
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: isOrg ? ['secretary'] : ['member'],
        phases: ['mobilizing', 'committing'],
        clock: subjectClock(cmd, campaign, subject),
        deadline: true,
      }),
      ...(cmd.actor.role !== (isOrg ? 'secretary' : 'member')
        ? []
        : isOrg
          ? [
              authSecretary.judge({
                actorId: cmd.actor.id,
                orgId: cmd.subject.id,
                secretary: subject.context.secretary,
              }),
            ]
          : [authMemberSelf.judge({ actorId: cmd.actor.id, memberId: cmd.subject.id })]),
      subjectState.judge({
        command: cmd.type,
        subject: describeSubject(cmd.subject),
        state: subject.value,
        allowed: ['enrolled'],
      }),
      ...(isOrg
        ? [
            commitmentFirstResponsible.judge({
              orgId: cmd.subject.id,
              secretary: subject.context.secretary,
            }),
          ]
        : []),
      commitmentConcrete.judge({
        at: cmd.at,
        endsAt: campaign.context.endsAt,
        pledges: cmd.pledges,
        minPledges: campaign.context.policy.minPledges,
      }),
    ],
    () => ({
      subject: [subjectEvent('CommitmentPublished', { pledges: cmd.pledges, at: cmd.at })],
    }),
  );
};

/** The engine's `PublishCommitment` command (streams: the campaign, read; the subject, written). */
export const publishCommitment = defineCommand({
  type: 'PublishCommitment',
  codec: PublishCommitmentCommand,
  streams: (cmd: PublishCommitment) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decidePublishCommitment(cmd, states),
});
