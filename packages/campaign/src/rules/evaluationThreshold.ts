import { rule } from '@strive/engine';
import { atLeast, formatPercent, formatRatio, fromDecimal } from '../domain/Fraction.js';
import type { Tally } from '../domain/tally.js';

/** Input of `evaluation.threshold`: the subject's tally and the two shares required. */
export interface ThresholdInput {
  readonly tally: Tally;
  readonly overallSatisfaction: number;
  readonly criterionSatisfaction: number;
}

const overallHolds = ({ tally, overallSatisfaction }: ThresholdInput): boolean =>
  tally.overall.total > 0 &&
  atLeast(tally.overall.satisfied, tally.overall.total, fromDecimal(overallSatisfaction));

const failingCriteria = ({ tally, criterionSatisfaction }: ThresholdInput) =>
  tally.byCriterion.filter(
    (c) => c.total === 0 || !atLeast(c.satisfied, c.total, fromDecimal(criterionSatisfaction)),
  );

const lowest = ({ tally }: ThresholdInput) =>
  [...tally.byCriterion].sort((a, b) => a.satisfied * b.total - b.satisfied * a.total)[0];

/**
 * evaluation.threshold: at nomination, the share of excellent+good ratings is at least
 * `overallSatisfaction` overall and at least `criterionSatisfaction` on each criterion, compared
 * exactly (integers, shares read as the decimals they are written as), inclusive. Pure.
 */
export const evaluationThreshold = rule<ThresholdInput>(
  'evaluation.threshold',
  (input) => {
    const { tally, overallSatisfaction, criterionSatisfaction } = input;
    const overall = `${formatRatio(tally.overall.satisfied, tally.overall.total)} of ratings excellent or good, at least ${formatPercent(overallSatisfaction)} required`;
    const failing = failingCriteria(input);
    const low = lowest(input);
    const criteria =
      failing.length > 0
        ? `below ${formatPercent(criterionSatisfaction)} on ${failing.map((c) => `${c.criterion} ${formatRatio(c.satisfied, c.total)}`).join(', ')}`
        : `every criterion at least ${formatPercent(criterionSatisfaction)}${low === undefined ? '' : ` (lowest ${low.criterion} ${formatRatio(low.satisfied, low.total)})`}`;
    return `${overall}; ${criteria}`;
  },
  (input) => overallHolds(input) && failingCriteria(input).length === 0,
);
