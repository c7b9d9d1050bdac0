import { acceptIf, commandCodec, defineCommand, type WorkflowState } from '@strive/engine';
import type * as t from 'io-ts';
import { Id, Text } from '../codec/primitives.js';
import type { CampaignContext } from '../domain/CampaignContext.js';
import { subjectEvent } from '../domain/domainEvents.js';
import type { SubjectContext } from '../domain/SubjectContext.js';
import { authSecretary } from '../rules/authSecretary.js';
import { subjectState } from '../rules/subjectState.js';
import { subjectClock } from './clockBounds.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, organizationRef, subjectRef } from './streamRefs.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `EnrollMember`: memberId, orgId, name. */
export const EnrollMemberCommand = isFirst(
  commandCodec('EnrollMember', {
    ...campaignFields,
    memberId: Id,
    orgId: Id,
    name: Text,
  }),
);

/** An `EnrollMember` command. */
export type EnrollMember = t.TypeOf<typeof EnrollMemberCommand>;

/** The streams `EnrollMember` reads: the campaign, the organization and the member. */
interface EnrollMemberStates {
  readonly campaign: WorkflowState<CampaignContext>;
  readonly org: WorkflowState<SubjectContext>;
  readonly member: WorkflowState<SubjectContext>;
}

/**
 * Decides `EnrollMember` (the committee or the organization's current secretary; mobilizing or
 * committing; an enrolled organization that has not been evaluated; a member not yet enrolled in the
 * campaign): opens the member's stream and lists the member in the organization's stream. Pure.
 */
export const decideEnrollMember = (
  cmd: EnrollMember,
  { campaign, org, member }: EnrollMemberStates,
): CampaignDecision<'org' | 'member'> =>
  acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['committee', 'secretary'],
        phases: ['mobilizing', 'committing'],
        clock: subjectClock(
          { campaignId: cmd.campaignId, subject: { kind: 'member', id: cmd.memberId } },
          campaign,
          member,
        ),
        deadline: true,
      }),
      ...(cmd.actor.role === 'secretary'
        ? [
            authSecretary.judge({
              actorId: cmd.actor.id,
              orgId: cmd.orgId,
              secretary: org.context.secretary,
            }),
          ]
        : []),
      subjectState.judge({
        command: cmd.type,
        subject: `organization ${cmd.orgId}`,
        state: org.value,
        allowed: ['enrolled', 'committed'],
      }),
      subjectState.judge({
        command: cmd.type,
        subject: `member ${cmd.memberId}`,
        state: member.value,
        allowed: ['unenrolled'],
      }),
    ],
    () => ({
      org: [subjectEvent('MemberJoined', { member: { id: cmd.memberId, name: cmd.name } })],
      member: [
        subjectEvent('MemberEnrolled', {
          campaignId: cmd.campaignId,
          memberId: cmd.memberId,
          orgId: cmd.orgId,
          name: cmd.name,
        }),
      ],
    }),
  );

/** The engine's `EnrollMember` command (streams: the campaign, read; the organization and the member, written). */
export const enrollMember = defineCommand({
  type: 'EnrollMember',
  codec: EnrollMemberCommand,
  streams: (cmd: EnrollMember) => ({
    campaign: campaignRef(cmd.campaignId),
    org: organizationRef(cmd.campaignId, cmd.orgId),
    member: subjectRef(cmd.campaignId, { kind: 'member', id: cmd.memberId }),
  }),
  decide: (cmd, states) => decideEnrollMember(cmd, states),
});
