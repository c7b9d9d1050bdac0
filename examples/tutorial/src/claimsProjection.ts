import { defineProjection } from '@strive/engine';
import { ClaimApproved, ClaimOpened, ClaimRejected, ExpenseAdded } from './claimEvents.js';

/** One row of the claims list. */
export interface ClaimRow {
  employeeId: string;
  title: string;
  state: 'draft' | 'submitted' | 'approved' | 'rejected';
  totalCents: number;
  reviewedBy: string | null;
}

/**
 * The claims list: one document per claim stream, folded with immer recipes (mutate the draft).
 * Recipes get the stored data as JSON, so they check it with the codec's `is`. Pure.
 */
export const claimsProjection = defineProjection<ClaimRow>({
  name: 'claims',
  version: 1,
  keyOf: (event) => (event.streamId.startsWith('claim-') ? event.streamId : undefined),
  initial: () => ({ employeeId: '', title: '', state: 'draft', totalCents: 0, reviewedBy: null }),
  apply: {
    ClaimOpened: (row, data) => {
      if (!ClaimOpened.is(data)) return;
      row.employeeId = data.employeeId;
      row.title = data.title;
    },
    ExpenseAdded: (row, data) => {
      if (ExpenseAdded.is(data)) row.totalCents += data.cents;
    },
    ClaimSubmitted: (row) => {
      row.state = 'submitted';
    },
    ClaimApproved: (row, data) => {
      row.state = 'approved';
      if (ClaimApproved.is(data)) row.reviewedBy = data.approverId;
    },
    ClaimRejected: (row, data) => {
      row.state = 'rejected';
      if (ClaimRejected.is(data)) row.reviewedBy = data.approverId;
    },
  },
});
