import { acceptIf, commandCodec, defineCommand, heldOf, refine } from '@strive/engine';
import type * as t from 'io-ts';
import { NonNegativeInt } from '../codec/primitives.js';
import { subjectEvent } from '../domain/domainEvents.js';
import { SubjectRefCodec } from '../domain/Subject.js';
import { tally } from '../domain/tally.js';
import { addDays } from '../domain/time.js';
import { nominationRecommendation } from '../rules/nominationRecommendation.js';
import { noticeLongEnough } from '../rules/noticePeriod.js';
import { committeeSubjectJudgements } from './committeeSubjectJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `StartPublicNotice`: subject and days (a whole number from 0 to 3660). */
export const StartPublicNoticeCommand = isFirst(
  commandCodec('StartPublicNotice', {
    ...campaignFields,
    subject: SubjectRefCodec,
    days: refine(
      NonNegativeInt,
      (d) => d <= 3660,
      'NoticeDays',
      'must be a whole number of days from 0 to 3660',
    ),
  }),
);

/** A `StartPublicNotice` command. */
export type StartPublicNotice = t.TypeOf<typeof StartPublicNoticeCommand>;

/**
 * Decides `StartPublicNotice` (committee, commending, a nominated subject): a notice of at least
 * `minNoticeDays`, and enough public recommendations. The notice runs from `at` to `at + days x 24 h`. Pure.
 */
export const decideStartPublicNotice = (
  cmd: StartPublicNotice,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'subject'> => {
  const policy = campaign.context.policy;
  const merit = [
    noticeLongEnough.judge({ days: cmd.days, minNoticeDays: policy.minNoticeDays }),
    nominationRecommendation.judge({
      recommenders: new Set(subject.context.recommenders).size,
      evaluators: tally(cmd.subject.kind, subject.context.evaluations).evaluators,
      recommendationShare: policy.recommendationShare,
    }),
  ];
  return acceptIf(
    [...committeeSubjectJudgements(cmd, { campaign, subject }, ['nominated']), ...merit],
    () => ({
      subject: [
        subjectEvent('PublicNoticeStarted', {
          days: cmd.days,
          startsAt: cmd.at,
          endsAt: addDays(cmd.at, cmd.days),
          verdicts: heldOf(merit),
        }),
      ],
    }),
  );
};

/** The engine's `StartPublicNotice` command (streams: the campaign, read; the subject, written). */
export const startPublicNotice = defineCommand({
  type: 'StartPublicNotice',
  codec: StartPublicNoticeCommand,
  streams: (cmd: StartPublicNotice) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decideStartPublicNotice(cmd, states),
});
