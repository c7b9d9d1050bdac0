import { defineWorkflow } from '@strive/engine';
import * as t from 'io-ts';
import { setup } from 'xstate';

/** A leave request as replay folds it (JSON). */
export interface LeaveContext {
  readonly employeeId: string;
  readonly days: number;
}

/** The request's lifecycle: requested, then approved or declined, once. */
const leaveMachine = setup({ types: { context: {} as LeaveContext } }).createMachine({
  id: 'leave',
  context: { employeeId: '', days: 0 },
  initial: 'new',
  states: {
    new: { on: { LeaveRequested: 'requested' } },
    requested: { on: { LeaveApproved: 'approved', LeaveDeclined: 'declined' } },
    approved: { type: 'final' },
    declined: { type: 'final' },
  },
});

/** The events of a leave request and their io-ts codecs. */
export const LeaveRequested = t.strict({ employeeId: t.string, days: t.number });
export const LeaveApproved = t.strict({ approverId: t.string });
export const LeaveDeclined = t.strict({ approverId: t.string });

/** The leave workflow of this consumer app (its own, not the campaign). Pure. */
export const leaveWorkflow = defineWorkflow({
  name: 'leave',
  version: 1,
  machine: leaveMachine,
  initialContext: { employeeId: '', days: 0 },
  events: {
    LeaveRequested: { codec: LeaveRequested, schemaVersion: 1 },
    LeaveApproved: { codec: LeaveApproved, schemaVersion: 1 },
    LeaveDeclined: { codec: LeaveDeclined, schemaVersion: 1 },
  },
  evolve: { LeaveRequested: (_c, data) => ({ employeeId: data.employeeId, days: data.days }) },
});
