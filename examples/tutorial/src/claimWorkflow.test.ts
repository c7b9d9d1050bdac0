import { createEngine } from '@strive/engine';
import { commandPaths, eventPaths, given, invalid, rejected } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { claimCommands } from './claimCommands.js';
import { claimWorkflow } from './claimWorkflow.js';
import { createMemoryEventStore } from '@strive/eventlog';

const at = '2026-03-04T09:00:00+01:00';
const ana = { id: 'ana', role: 'employee' };
const options = { commands: claimCommands };

// #region given-when-then
const submittedClaim = [
  { streamId: 'claim-1', type: 'ClaimOpened', data: { employeeId: 'ana', title: 'Lyon' } },
  { streamId: 'claim-1', type: 'ExpenseAdded', data: { description: 'hotel', cents: 150_000 } },
  { streamId: 'claim-1', type: 'ClaimSubmitted', data: {} },
];
const review = (actor: { id: string; role: string }, decision: 'approve' | 'reject') => ({
  type: 'ReviewClaim',
  id: 'r1',
  at,
  actor,
  claimId: '1',
  decision,
  reason: 'checked',
});

describe('reviewing a claim', () => {
  it('lets a director approve any amount', async () => {
    await given(submittedClaim, options)
      .when(review({ id: 'cy', role: 'director' }, 'approve'))
      .then([{ streamId: 'claim-1', type: 'ClaimApproved', data: { approverId: 'cy' } }]);
  });

  it('refuses a manager above the limit, naming the rule', async () => {
    await given(submittedClaim, options)
      .when(review({ id: 'bo', role: 'manager' }, 'approve'))
      .then(rejected('claim.approval-limit'));
  });

  it('reports every failing rule, not just the first', async () => {
    await given(submittedClaim, options)
      .when(review(ana, 'approve'))
      .then(rejected('claim.not-own', 'claim.approval-limit'));
  });

  it('lets a manager reject a large claim (the limit is for approvals)', async () => {
    await given(submittedClaim, options)
      .when(review({ id: 'bo', role: 'manager' }, 'reject'))
      .then([
        {
          streamId: 'claim-1',
          type: 'ClaimRejected',
          data: { approverId: 'bo', reason: 'checked' },
        },
      ]);
  });
});
// #endregion given-when-then

describe('the claim lifecycle', () => {
  it('refuses to submit a claim without expenses (the machine guard)', async () => {
    await given(submittedClaim.slice(0, 1), options)
      .when({ type: 'SubmitClaim', id: 's1', at, actor: ana, claimId: '1' })
      .then(rejected('machine.transition'));
  });

  it('answers a malformed command with the path of the bad field', async () => {
    await given([], options)
      .when({
        type: 'AddExpense',
        id: 'a1',
        at,
        actor: ana,
        claimId: '1',
        description: 'x',
        cents: 0.5,
      })
      .then(invalid('cents'));
  });

  // #region model-based
  it('reaches every state of the machine through commands (model-based)', async () => {
    const paths = eventPaths(claimWorkflow, {
      events: [
        { type: 'ClaimOpened', employeeId: 'ana', title: 'Lyon' },
        { type: 'ExpenseAdded', description: 'hotel', cents: 900 },
        { type: 'ClaimSubmitted' },
        { type: 'ClaimApproved', approverId: 'bo' },
        { type: 'ClaimRejected', approverId: 'bo', reason: 'no receipt' },
      ],
      // the total grows without end: tell states apart by what the guards look at
      serialize: (s) => `${s.value}|${s.context.expenses > 0}`,
    });
    const toCommand = (e: { type: string }, step: number, path: number) => {
      const base = { id: `p${path}-${step}`, at, claimId: `${path}` };
      const bo = { id: 'bo', role: 'manager' };
      if (e.type === 'ClaimOpened') return { ...base, type: 'OpenClaim', actor: ana, title: 'Rio' };
      if (e.type === 'ExpenseAdded')
        return { ...base, type: 'AddExpense', actor: ana, description: 'hotel', cents: 900 };
      if (e.type === 'ClaimSubmitted') return { ...base, type: 'SubmitClaim', actor: ana };
      const decision = e.type === 'ClaimApproved' ? 'approve' : 'reject';
      return { ...base, type: 'ReviewClaim', actor: bo, decision, reason: 'no receipt' };
    };
    const engine = createEngine({ store: createMemoryEventStore(), commands: claimCommands });
    for (const [i, path] of commandPaths(paths, toCommand).entries()) {
      for (const command of path.commands)
        expect((await engine.handle(command))._tag).toBe('Accepted');
      const reached = await engine.load(claimWorkflow, `claim-${i}`);
      expect(reached.value).toBe(path.state.value);
    }
    expect(new Set(paths.map((p) => p.state.value))).toEqual(
      new Set(['new', 'draft', 'submitted', 'approved', 'rejected']),
    );
  });
  // #endregion model-based
});
