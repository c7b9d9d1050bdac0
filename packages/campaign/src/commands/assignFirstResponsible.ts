import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { Id } from '../codec/primitives.js';
import { campaignEvent, subjectEvent } from '../domain/domainEvents.js';
import { PersonCodec } from '../domain/Person.js';
import { describeSubject } from '../domain/Subject.js';
import { subjectState } from '../rules/subjectState.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, organizationRef } from './streamRefs.js';
import { subjectClock } from './clockBounds.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `AssignFirstResponsible`: orgId and its new secretary {id, name}. */
export const AssignFirstResponsibleCommand = isFirst(
  commandCodec('AssignFirstResponsible', {
    ...campaignFields,
    orgId: Id,
    secretary: PersonCodec,
  }),
);

/** An `AssignFirstResponsible` command. */
export type AssignFirstResponsible = t.TypeOf<typeof AssignFirstResponsibleCommand>;

/**
 * Decides `AssignFirstResponsible` (committee, mobilizing..evaluating, an enrolled organization not
 * yet nominated): the secretary becomes the organization's first responsible person, in its stream
 * and in the campaign's list (which members' evaluations read). Pure.
 */
export const decideAssignFirstResponsible = (
  cmd: AssignFirstResponsible,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'campaign' | 'subject'> => {
  const ref = { kind: 'organization', id: cmd.orgId } as const;
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['committee'],
        phases: ['mobilizing', 'committing', 'evaluating'],
        clock: subjectClock({ campaignId: cmd.campaignId, subject: ref }, campaign, subject),
        deadline: true,
      }),
      subjectState.judge({
        command: cmd.type,
        subject: describeSubject(ref),
        state: subject.value,
        allowed: ['enrolled', 'committed', 'evaluated'],
      }),
    ],
    () => ({
      campaign: [
        campaignEvent('OrganizationSecretaryChanged', {
          orgId: cmd.orgId,
          secretary: cmd.secretary,
        }),
      ],
      subject: [
        subjectEvent('FirstResponsibleAssigned', {
          secretary: cmd.secretary,
          previous: subject.context.secretary,
        }),
      ],
    }),
  );
};

/** The engine's `AssignFirstResponsible` command (streams: the campaign and the organization, both written). */
export const assignFirstResponsible = defineCommand({
  type: 'AssignFirstResponsible',
  codec: AssignFirstResponsibleCommand,
  streams: (cmd: AssignFirstResponsible) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: organizationRef(cmd.campaignId, cmd.orgId),
  }),
  decide: (cmd, states) => decideAssignFirstResponsible(cmd, states),
});
