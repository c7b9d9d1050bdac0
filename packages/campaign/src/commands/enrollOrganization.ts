import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { Id, Text } from '../codec/primitives.js';
import { CategoryCodec } from '../domain/Category.js';
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

/** io-ts codec of `EnrollOrganization`: orgId, name, category, and optionally its secretary {id, name}. */
export const EnrollOrganizationCommand = isFirst(
  commandCodec(
    'EnrollOrganization',
    { ...campaignFields, orgId: Id, name: Text, category: CategoryCodec },
    { secretary: PersonCodec },
  ),
);

/** An `EnrollOrganization` command. */
export type EnrollOrganization = t.TypeOf<typeof EnrollOrganizationCommand>;

/**
 * Decides `EnrollOrganization` (committee, mobilizing or committing, once per organization): opens the
 * organization's stream and lists it in the campaign stream (the quota's denominator). Pure.
 */
export const decideEnrollOrganization = (
  cmd: EnrollOrganization,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'campaign' | 'subject'> => {
  const ref = { kind: 'organization', id: cmd.orgId } as const;
  const secretary = cmd.secretary ?? null;
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['committee'],
        phases: ['mobilizing', 'committing'],
        clock: subjectClock({ campaignId: cmd.campaignId, subject: ref }, campaign, subject),
        deadline: true,
      }),
      subjectState.judge({
        command: cmd.type,
        subject: describeSubject(ref),
        state: subject.value,
        allowed: ['unenrolled'],
      }),
    ],
    () => ({
      campaign: [
        campaignEvent('OrganizationRegistered', {
          orgId: cmd.orgId,
          name: cmd.name,
          category: cmd.category,
          secretary,
        }),
      ],
      subject: [
        subjectEvent('OrganizationEnrolled', {
          campaignId: cmd.campaignId,
          orgId: cmd.orgId,
          name: cmd.name,
          category: cmd.category,
          secretary,
        }),
      ],
    }),
  );
};

/** The engine's `EnrollOrganization` command (streams: the campaign and the organization, both written). */
export const enrollOrganization = defineCommand({
  type: 'EnrollOrganization',
  codec: EnrollOrganizationCommand,
  streams: (cmd: EnrollOrganization) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: organizationRef(cmd.campaignId, cmd.orgId),
  }),
  decide: (cmd, states) => decideEnrollOrganization(cmd, states),
});
