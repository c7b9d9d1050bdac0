import * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { NonNegativeInt, PositiveInt, Share } from '../codec/primitives.js';

/** The numbers every rule of a campaign reads (see docs/campaign.md). */
export type CampaignPolicy = {
  /** evaluation.quorum: distinct evaluators needed at nomination. */
  readonly minEvaluators: number;
  /** evaluation.threshold: share of excellent+good over all ratings. */
  readonly overallSatisfaction: number;
  /** evaluation.threshold: share of excellent+good over each criterion. */
  readonly criterionSatisfaction: number;
  /** review.regular: longest allowed gap, in days of 24 h. */
  readonly reviewIntervalDays: number;
  /** nomination.recommendation: recommenders needed, as a share of evaluators. */
  readonly recommendationShare: number;
  /** notice.period: shortest public notice, in days. */
  readonly minNoticeDays: number;
  /** commitment.concrete: fewest pledges in a commitment. */
  readonly minPledges: number;
  /** commendation.quota: largest share of enrolled organizations commended, or null for none. */
  readonly commendationQuota: number | null;
};

/** The defaults of docs/campaign.md, in force until the implementation opinions override them. */
export const DEFAULT_POLICY: CampaignPolicy = {
  minEvaluators: 10,
  overallSatisfaction: 0.8,
  criterionSatisfaction: 0.6,
  reviewIntervalDays: 90,
  recommendationShare: 0.5,
  minNoticeDays: 7,
  minPledges: 1,
  commendationQuota: null,
};

const policyProps = {
  minEvaluators: NonNegativeInt,
  overallSatisfaction: Share,
  criterionSatisfaction: Share,
  reviewIntervalDays: PositiveInt,
  recommendationShare: Share,
  minNoticeDays: NonNegativeInt,
  minPledges: PositiveInt,
  commendationQuota: t.union([Share, t.null]),
};

/**
 * io-ts codec of a policy override (`PublishImplementationOpinions.policy`): any subset of the
 * numbers, unknown keys Invalid, shares within 0..1, counts whole (minPledges and reviewIntervalDays >= 1).
 */
export const CampaignPolicyOverrideCodec = closed('PolicyOverride', {}, policyProps);

/** A partial policy as the implementation opinions give it. */
export type CampaignPolicyOverride = t.TypeOf<typeof CampaignPolicyOverrideCodec>;

/** io-ts codec of a complete policy (as stored in events). */
export const CampaignPolicyCodec = closed('Policy', policyProps, {});

/** `base` with the numbers `override` gives replaced. Pure. */
export const applyPolicy = (
  base: CampaignPolicy,
  override: CampaignPolicyOverride,
): CampaignPolicy => ({
  minEvaluators: override.minEvaluators ?? base.minEvaluators,
  overallSatisfaction: override.overallSatisfaction ?? base.overallSatisfaction,
  criterionSatisfaction: override.criterionSatisfaction ?? base.criterionSatisfaction,
  reviewIntervalDays: override.reviewIntervalDays ?? base.reviewIntervalDays,
  recommendationShare: override.recommendationShare ?? base.recommendationShare,
  minNoticeDays: override.minNoticeDays ?? base.minNoticeDays,
  minPledges: override.minPledges ?? base.minPledges,
  commendationQuota:
    override.commendationQuota === undefined ? base.commendationQuota : override.commendationQuota,
});
