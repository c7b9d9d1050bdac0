import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { leaveCommands } from './leaveCommands.js';

const requested = [
  { streamId: 'leave-1', type: 'LeaveRequested', data: { employeeId: 'ana', days: 3 } },
];
const approve = (approverId: string) => ({
  type: 'ApproveLeave',
  id: 'c1',
  at: '2026-05-04T09:00:00Z',
  actor: { id: approverId, role: 'manager' },
  leaveId: '1',
  approverId,
});

describe('approving leave', () => {
  it('lets someone else approve', async () => {
    await given(requested, { commands: leaveCommands })
      .when(approve('bo'))
      .then([{ streamId: 'leave-1', type: 'LeaveApproved', data: { approverId: 'bo' } }]);
  });

  it('refuses the employee approving their own leave, naming the rule', async () => {
    await given(requested, { commands: leaveCommands })
      .when(approve('ana'))
      .then(rejected('leave.not-own'));
  });
});
