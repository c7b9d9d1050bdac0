import { defineCommand, rule } from '@strive/engine';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { leaveWorkflow } from './leaveWorkflow.js';

const stream = (cmd: { readonly leaveId: string }) => ({
  leave: { workflow: leaveWorkflow, streamId: `leave-${cmd.leaveId}` },
});

/** Nobody approves their own leave. Pure. */
export const notOwnLeave = rule<{ readonly approverId: string; readonly employeeId: string }>(
  'leave.not-own',
  ({ approverId }) => `${approverId} cannot approve their own leave`,
  ({ approverId, employeeId }) => approverId !== employeeId,
);

/** An employee asks for days off. */
export const requestLeave = defineCommand({
  type: 'RequestLeave',
  codec: t.exact(
    t.type({
      type: t.literal('RequestLeave'),
      id: t.string,
      at: t.string,
      leaveId: t.string,
      employeeId: t.string,
      days: t.number,
    }),
  ),
  streams: (cmd) => stream(cmd),
  decide: (cmd) =>
    E.right({
      leave: [{ type: 'LeaveRequested', data: { employeeId: cmd.employeeId, days: cmd.days } }],
    }),
});

/** Someone else approves the request. */
export const approveLeave = defineCommand({
  type: 'ApproveLeave',
  codec: t.exact(
    t.type({
      type: t.literal('ApproveLeave'),
      id: t.string,
      at: t.string,
      leaveId: t.string,
      approverId: t.string,
    }),
  ),
  streams: (cmd) => stream(cmd),
  decide: (cmd, { leave }) =>
    pipe(
      notOwnLeave.check({ approverId: cmd.approverId, employeeId: leave.context.employeeId }),
      E.map(() => ({ leave: [{ type: 'LeaveApproved', data: { approverId: cmd.approverId } }] })),
    ),
});

/** Every command of the app, for `createEngine`. */
export const leaveCommands = [requestLeave, approveLeave];
