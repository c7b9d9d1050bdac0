import { accept, defineCommand, reject, rule } from '@strive/engine';
import * as t from 'io-ts';
import { leaveWorkflow } from './leaveWorkflow.js';

const streamId = (cmd: { readonly leaveId: string }): string => `leave-${cmd.leaveId}`;

/** Nobody approves their own leave. Pure. */
export const notOwnLeave = rule<{ readonly approverId: string; readonly employeeId: string }>(
  'leave.not-own',
  ({ approverId }) => `${approverId} cannot approve their own leave`,
  ({ approverId, employeeId }) => approverId !== employeeId,
);

/** An employee asks for days off. */
export const requestLeave = defineCommand({
  type: 'RequestLeave',
  fields: { leaveId: t.string, employeeId: t.string, days: t.number },
  workflow: leaveWorkflow,
  streamId,
  decide: ({ employeeId, days }) =>
    accept(leaveWorkflow.event('LeaveRequested', { employeeId, days })),
});

/** Someone else approves the request. */
export const approveLeave = defineCommand({
  type: 'ApproveLeave',
  fields: { leaveId: t.string, approverId: t.string },
  workflow: leaveWorkflow,
  streamId,
  decide: ({ approverId }, leave) => {
    const judged = notOwnLeave.judge({ approverId, employeeId: leave.context.employeeId });
    return judged.holds
      ? accept(leaveWorkflow.event('LeaveApproved', { approverId }))
      : reject({ ruleId: judged.ruleId, message: judged.message });
  },
});

/** Every command of the app, for `createEngine`. */
export const leaveCommands = [requestLeave, approveLeave];
