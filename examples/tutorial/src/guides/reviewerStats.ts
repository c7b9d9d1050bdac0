import { defineProjection } from '@strive/engine';
import { claim } from '../claimWorkflow.js';

/** What one reviewer decided. */
export interface ReviewerStats {
  approved: number;
  rejected: number;
}

// #region projection
/** Reviews per reviewer, across every claim: keyed by the reviewer, not by the stream. Pure. */
export const reviewerStats = defineProjection({
  name: 'reviewer-stats',
  version: 1, // bump it when `apply` changes meaning: the new version is folded from position 0
  workflows: [claim],
  keyOf: (event) =>
    event.type === 'ClaimApproved' || event.type === 'ClaimRejected'
      ? claim.dataOf(event.type, event).approverId
      : undefined,
  initial: (): ReviewerStats => ({ approved: 0, rejected: 0 }),
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
