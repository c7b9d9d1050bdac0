import { defineProjection } from '@strive/engine';
import { claim } from './claimWorkflow.js';

/** One row of the claims list. */
export type ClaimRow = { title: string; state: string; totalCents: number; reviewedBy: string };

/** The claims list: one row per claim stream; recipes get each event's data decoded and typed. Pure. */
export const claimsProjection = defineProjection({
  name: 'claims',
  workflows: [claim],
  initial: (): ClaimRow => ({ title: '', state: 'draft', totalCents: 0, reviewedBy: '-' }),
  apply: {
    ClaimOpened: (row, { title }) => ({ ...row, title }),
    ExpenseAdded: (row, { cents }) => ({ ...row, totalCents: row.totalCents + cents }),
    ClaimSubmitted: (row) => ({ ...row, state: 'submitted' }),
    ClaimApproved: (row, { approverId }) => ({ ...row, state: 'approved', reviewedBy: approverId }),
    ClaimRejected: (row, { approverId }) => ({ ...row, state: 'rejected', reviewedBy: approverId }),
  },
});
