import { defineProjection } from '@strive/engine';
import { LeaveApproved, LeaveRequested } from './leaveWorkflow.js';

/** One row of the leave list. */
export interface LeaveRow {
  employeeId: string;
  days: number;
  approvedBy: string | null;
}

/** The leave list: one document per request. Pure. */
export const leaveProjection = defineProjection<LeaveRow>({
  name: 'leaves',
  version: 1,
  keyOf: (event) => (event.streamId.startsWith('leave-') ? event.streamId : undefined),
  initial: () => ({ employeeId: '', days: 0, approvedBy: null }),
  apply: {
    LeaveRequested: (row, data) => {
      if (!LeaveRequested.is(data)) return;
      row.employeeId = data.employeeId;
      row.days = data.days;
    },
    LeaveApproved: (row, data) => {
      if (LeaveApproved.is(data)) row.approvedBy = data.approverId;
    },
  },
});
