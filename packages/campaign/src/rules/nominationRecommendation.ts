import { rule } from '@strive/engine';
import { atLeast, formatPercent, fromDecimal } from '../domain/Fraction.js';

/** Input of `nomination.recommendation`. */
export interface RecommendationInput {
  readonly recommenders: number;
  readonly evaluators: number;
  readonly recommendationShare: number;
}

/** The fewest recommenders that meet the share: ceil(share x evaluators), exactly. Pure. */
export const recommendersNeeded = (evaluators: number, share: number): number => {
  const f = fromDecimal(share);
  const product = f.num * BigInt(evaluators);
  return Number((product + f.den - 1n) / f.den);
};

/** nomination.recommendation: at StartPublicNotice, distinct recommenders >= share x distinct evaluators. Pure. */
export const nominationRecommendation = rule<RecommendationInput>(
  'nomination.recommendation',
  ({ recommenders, evaluators, recommendationShare }) =>
    `${recommenders} distinct recommenders for ${evaluators} evaluators, at least ${formatPercent(recommendationShare)} (${recommendersNeeded(evaluators, recommendationShare)}) required`,
  ({ recommenders, evaluators, recommendationShare }) =>
    atLeast(recommenders, evaluators, fromDecimal(recommendationShare)),
);
