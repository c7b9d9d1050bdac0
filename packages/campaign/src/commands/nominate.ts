import { acceptIf, commandCodec, defineCommand, heldOf, type Judgement } from '@strive/engine';
import type * as t from 'io-ts';
import { subjectEvent } from '../domain/domainEvents.js';
import { SubjectRefCodec } from '../domain/Subject.js';
import { tally } from '../domain/tally.js';
import { evaluationQuorum } from '../rules/evaluationQuorum.js';
import { evaluationThreshold } from '../rules/evaluationThreshold.js';
import { memberDiscipline } from '../rules/memberDiscipline.js';
import { reviewRegular } from '../rules/reviewRegular.js';
import { committeeSubjectJudgements } from './committeeSubjectJudgements.js';
import { campaignFields } from './campaignFields.js';
import type { CampaignDecision } from './CampaignDecision.js';
import { campaignRef, subjectRef } from './streamRefs.js';
import type { SubjectStates } from './SubjectStates.js';
import { isFirst } from '../codec/isFirst.js';

/** io-ts codec of `Nominate`: subject. */
export const NominateCommand = isFirst(
  commandCodec('Nominate', {
    ...campaignFields,
    subject: SubjectRefCodec,
  }),
);

/** A `Nominate` command. */
export type Nominate = t.TypeOf<typeof NominateCommand>;

/** The merit judgements of a nomination (quorum, threshold, regular reviews or discipline). Pure. */
const meritOf = (cmd: Nominate, { campaign, subject }: SubjectStates): Judgement[] => {
  const policy = campaign.context.policy;
  const counts = tally(cmd.subject.kind, subject.context.evaluations);
  return [
    evaluationQuorum.judge({ evaluators: counts.evaluators, minEvaluators: policy.minEvaluators }),
    evaluationThreshold.judge({
      tally: counts,
      overallSatisfaction: policy.overallSatisfaction,
      criterionSatisfaction: policy.criterionSatisfaction,
    }),
    cmd.subject.kind === 'organization'
      ? reviewRegular.judge({
          committedAt: subject.context.commitment?.at ?? null,
          reviews: subject.context.reviews.map((r) => r.at),
          nominatedAt: cmd.at,
          reviewIntervalDays: policy.reviewIntervalDays,
        })
      : memberDiscipline.judge({
          memberId: cmd.subject.id,
          violations: subject.context.violations.length,
        }),
  ];
};

/**
 * Decides `Nominate` (committee, commending, an evaluated subject): enough independent evaluators,
 * satisfaction over the thresholds, and regular leadership reviews (organization) or a clean record
 * (member). The verdicts that held are kept in `SubjectNominated` for the honour roll. Pure.
 */
export const decideNominate = (
  cmd: Nominate,
  states: SubjectStates,
): CampaignDecision<'subject'> => {
  const { campaign, subject } = states;
  const merit = meritOf(cmd, states);
  return acceptIf(
    [...committeeSubjectJudgements(cmd, { campaign, subject }, ['evaluated']), ...merit],
    () => ({
      subject: [subjectEvent('SubjectNominated', { at: cmd.at, verdicts: heldOf(merit) })],
    }),
  );
};

/** The engine's `Nominate` command (streams: the campaign, read; the subject, written). */
export const nominate = defineCommand({
  type: 'Nominate',
  codec: NominateCommand,
  streams: (cmd: Nominate) => ({
    campaign: campaignRef(cmd.campaignId),
    subject: subjectRef(cmd.campaignId, cmd.subject),
  }),
  decide: (cmd, states) => decideNominate(cmd, states),
});
