import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import type * as t from 'io-ts';
import { subjectEvent } from '../domain/domainEvents.js';
import { describeSubject, SubjectRefCodec } from '../domain/Subject.js';
import { evaluationIndependence } from '../rules/evaluationIndependence.js';
import { evaluationOneVote } from '../rules/evaluationOneVote.js';
import { subjectState } from '../rules/subjectState.js';
import { campaignJudgements } from './campaignJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import { subjectClock } from './clockBounds.js';
import type { SubjectStates } from './SubjectStates.js';
import { tiesOf } from './tiesOf.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `Recommend`: subject (the voter is the actor). */
export const RecommendCommand = isFirst(
  commandCodec('Recommend', {
    ...campaignFields,
    subject: SubjectRefCodec,
  }),
);

/** A `Recommend` command. */
export type Recommend = t.TypeOf<typeof RecommendCommand>;

/**
 * Decides `Recommend` (public, commending, a nominated subject before its notice): one recommendation
 * per voter, and, like an evaluation, not from the subject's own secretary, members or self. Pure.
 */
export const decideRecommend = (
  cmd: Recommend,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'subject'> => {
  const label = describeSubject(cmd.subject);
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['public'],
        phases: ['commending'],
        clock: subjectClock(cmd, campaign, subject),
        deadline: true,
      }),
      subjectState.judge({
        command: cmd.type,
        subject: label,
        state: subject.value,
        allowed: ['nominated'],
      }),
      evaluationOneVote.judge({
        voterId: cmd.actor.id,
        what: 'recommendation',
        subject: label,
        voters: subject.context.recommenders,
      }),
      evaluationIndependence.judge({
        evaluatorId: cmd.actor.id,
        ties: tiesOf(cmd.subject, subject.context, campaign.context),
      }),
    ],
    () => ({ subject: [subjectEvent('RecommendationRecorded', { voterId: cmd.actor.id })] }),
  );
};

/** The engine's `Recommend` command (streams: the campaign, read; the subject, written). */
export const recommend = defineCommand({
  type: 'Recommend',
  codec: RecommendCommand,
  streams: (cmd: Recommend) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decideRecommend(cmd, states),
});
