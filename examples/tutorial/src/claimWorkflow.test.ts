import { commandOf, given, invalid, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { claimCommands as commands } from './claimCommands.js';

const submitted: GivenEvent[] = [
  { streamId: 'claim-1', type: 'ClaimOpened', data: { employeeId: 'ana', title: 'Lyon' } },
  { streamId: 'claim-1', type: 'ExpenseAdded', data: { description: 'hotel', cents: 150_000 } },
  { streamId: 'claim-1', type: 'ClaimSubmitted', data: {} },
];
const ana = { id: 'ana', role: 'employee' };
const review = (id: string, role: string, decision: string) =>
  commandOf('ReviewClaim', { id, role }, { claimId: '1', decision, reason: 'checked' });

describe('the expense claim', () => {
  it('lets a director approve any amount', () =>
    given(submitted, { commands })
      .when(review('cy', 'director', 'approve'))
      .then([{ streamId: 'claim-1', type: 'ClaimApproved', data: { approverId: 'cy' } }]));

  it('reports every failing rule, not just the first', () =>
    given(submitted, { commands })
      .when(review('ana', 'employee', 'approve'))
      .then(rejected('claim.not-own', 'claim.approval-limit')));

  it('names every bad field at once, unknown ones included', () =>
    given([], { commands })
      .when(commandOf('AddExpense', ana, { claimId: '1', cents: 0.5, note: 'x' }))
      .then(invalid('description', 'cents', 'note')));
});
