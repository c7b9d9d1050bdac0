import { acceptIf, commandCodec, defineCommand } from '@strive/engine';
import * as t from 'io-ts';
import { byKind } from '../codec/byKind.js';
import { Id } from '../codec/primitives.js';
import { subjectEvent } from '../domain/domainEvents.js';
import { MemberRefCodec, OrganizationRefCodec } from '../domain/kindRefs.js';
import { MemberRatingsCodec, OrganizationRatingsCodec } from '../domain/Ratings.js';
import { describeSubject, SubjectRefCodec } from '../domain/Subject.js';
import { authOwnName } from '../rules/authRole.js';
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

/**
 * io-ts codec of `SubmitEvaluation`: subject, evaluatorId, and ratings of exactly the five criteria of
 * the subject's kind, each excellent, good, fair or poor.
 */
export const SubmitEvaluationCommand = isFirst(
  byKind(
    'SubmitEvaluation',
    commandCodec('SubmitEvaluation', {
      ...campaignFields,
      subject: OrganizationRefCodec,
      evaluatorId: Id,
      ratings: OrganizationRatingsCodec,
    }),
    commandCodec('SubmitEvaluation', {
      ...campaignFields,
      subject: MemberRefCodec,
      evaluatorId: Id,
      ratings: MemberRatingsCodec,
    }),
    commandCodec('SubmitEvaluation', {
      ...campaignFields,
      subject: SubjectRefCodec,
      evaluatorId: Id,
      ratings: t.unknown,
    }),
  ),
);

/** A `SubmitEvaluation` command. */
export type SubmitEvaluation = t.TypeOf<typeof SubmitEvaluationCommand>;

/**
 * Decides `SubmitEvaluation` (public, evaluating, in the evaluator's own name, of a committed or
 * evaluated subject): one evaluation per evaluator, from someone independent of the subject. Pure.
 */
export const decideSubmitEvaluation = (
  cmd: SubmitEvaluation,
  { campaign, subject }: SubjectStates,
): CampaignDecision<'campaign' | 'subject'> => {
  const label = describeSubject(cmd.subject);
  return acceptIf(
    [
      ...campaignJudgements({
        command: cmd.type,
        cmd,
        campaign,
        roles: ['public'],
        phases: ['evaluating'],
        clock: subjectClock(cmd, campaign, subject),
        deadline: true,
      }),
      authOwnName.judge({ what: 'an evaluation', actorId: cmd.actor.id, nameId: cmd.evaluatorId }),
      subjectState.judge({
        command: cmd.type,
        subject: label,
        state: subject.value,
        allowed: ['committed', 'evaluated'],
      }),
      evaluationOneVote.judge({
        voterId: cmd.evaluatorId,
        what: 'evaluation',
        subject: label,
        voters: subject.context.evaluations.map((e) => e.evaluatorId),
      }),
      evaluationIndependence.judge({
        evaluatorId: cmd.evaluatorId,
        ties: tiesOf(cmd.subject, subject.context, campaign.context),
      }),
    ],
    () => ({
      subject: [
        subjectEvent('EvaluationSubmitted', { evaluatorId: cmd.evaluatorId, ratings: cmd.ratings }),
      ],
    }),
  );
};

/** The engine's `SubmitEvaluation` command (streams: the campaign, the subject). */
export const submitEvaluation = defineCommand({
  type: 'SubmitEvaluation',
  codec: SubmitEvaluationCommand,
  streams: (cmd: SubmitEvaluation) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decideSubmitEvaluation(cmd, states),
});
