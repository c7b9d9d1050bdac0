import { defineProjection } from '@strive/engine';
import { ClaimApproved, ClaimRejected } from '../claimEvents.js';

/** What one reviewer decided. */
export interface ReviewerStats {
  approved: number;
  rejected: number;
}

// #region projection
/** Reviews per reviewer, across every claim: keyed by the reviewer, not by the stream. Pure. */
export const reviewerStats = defineProjection<ReviewerStats>({
  name: 'reviewer-stats',
  version: 1, // bump it when `apply` changes meaning: the new version is folded from position 0
  keyOf: (event) =>
    ClaimApproved.is(event.data) || ClaimRejected.is(event.data)
      ? event.data.approverId
      : undefined,
  initial: () => ({ approved: 0, rejected: 0 }),
  apply: {
    ClaimApproved: (stats) => {
      stats.approved += 1;
    },
    ClaimRejected: (stats) => {
      stats.rejected += 1;
    },
  },
});
// #endregion projection
