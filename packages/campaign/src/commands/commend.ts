import { acceptIf, commandCodec, defineCommand, heldOf } from '@strive/engine';
import type * as t from 'io-ts';
import { campaignEvent, subjectEvent } from '../domain/domainEvents.js';
import { SubjectRefCodec } from '../domain/Subject.js';
import { commendationQuota } from '../rules/commendationQuota.js';
import { memberDiscipline } from '../rules/memberDiscipline.js';
import { objectionsCleared } from '../rules/noticeObjection.js';
import { noticeEnded } from '../rules/noticePeriod.js';
import { committeeSubjectJudgements } from './committeeSubjectJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `Commend`: subject. */
export const CommendCommand = isFirst(
  commandCodec('Commend', {
    ...campaignFields,
    subject: SubjectRefCodec,
  }),
);

/** A `Commend` command. */
export type Commend = t.TypeOf<typeof CommendCommand>;

/**
 * Decides `Commend` (committee, commending, a subject under notice): the notice has ended, every
 * objection is resolved and none upheld, a member has a clean record, and the quota holds for an
 * organization. Appends to the subject AND the campaign stream (which counts commended and enrolled
 * organizations), so two racing commendations cannot both pass the quota. Pure.
 */
export const decideCommend = (
  cmd: Commend,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'campaign' | 'subject'> => {
  const notice = subject.context.notice;
  const merit = [
    noticeEnded.judge({
      at: cmd.at,
      startsAt: notice?.startsAt ?? null,
      endsAt: notice?.endsAt ?? null,
    }),
    objectionsCleared.judge({ objections: subject.context.objections }),
    cmd.subject.kind === 'member'
      ? memberDiscipline.judge({
          memberId: cmd.subject.id,
          violations: subject.context.violations.length,
        })
      : commendationQuota.judge({
          quota: campaign.context.policy.commendationQuota,
          commended: campaign.context.commendedOrganizations,
          enrolled: campaign.context.organizations.length,
        }),
  ];
  return acceptIf(
    [...committeeSubjectJudgements(cmd, { campaign, subject }, ['under-notice']), ...merit],
    () => ({
      campaign: [
        campaignEvent('CommendationRecorded', {
          campaignId: cmd.campaignId,
          subject: cmd.subject,
          name: subject.context.name ?? cmd.subject.id,
          commendedAt: cmd.at,
        }),
      ],
      subject: [subjectEvent('SubjectCommended', { commendedAt: cmd.at, verdicts: heldOf(merit) })],
    }),
  );
};

/** The engine's `Commend` command (streams: the campaign and the subject, both written atomically). */
export const commend = defineCommand({
  type: 'Commend',
  codec: CommendCommand,
  streams: (cmd: Commend) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decideCommend(cmd, states),
});
