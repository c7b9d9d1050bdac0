import { createEngine } from '@strive/engine';
import { commandPaths, createMemoryEventStore, eventPaths } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { claimCommands } from '../claimCommands.js';
import { claim } from '../claimWorkflow.js';

const at = '2026-03-04T09:00:00+01:00';
const ana = { id: 'ana', role: 'employee' };

describe('the claim statechart', () => {
  // #region model-based
  it('reaches every state of the machine through commands (model-based)', async () => {
    const paths = eventPaths(claim, {
      events: [
        { type: 'ClaimOpened', employeeId: 'ana', title: 'Lyon' },
        { type: 'ExpenseAdded', description: 'hotel', cents: 900 },
        { type: 'ClaimSubmitted' },
        { type: 'ClaimApproved', approverId: 'bo' },
        { type: 'ClaimRejected', approverId: 'bo', reason: 'no receipt' },
      ],
      // the total grows without end: tell states apart by what the guards look at
      serialize: (s) => `${s.value}|${s.context.totalCents > 0}`,
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
      const reached = await engine.load(claim, `claim-${i}`);
      expect(reached.value).toBe(path.state.value);
    }
    expect(new Set(paths.map((p) => p.state.value))).toEqual(
      new Set(['new', 'draft', 'submitted', 'approved', 'rejected']),
    );
  });
  // #endregion model-based
});
