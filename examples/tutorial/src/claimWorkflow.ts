import { defineWorkflow, refine } from '@strive/engine';
import * as t from 'io-ts';
import { setup } from 'xstate';

/** Whole positive cents (io-ts `t.number` alone would let NaN and Infinity through). */
export const Cents = refine(t.Int, (n) => n > 0, 'Cents', 'must be whole positive cents');

/** What a claim's events fold into (JSON). */
export type ClaimContext = { employeeId: string; title: string; totalCents: number };

/** The claim's lifecycle: which events are legal in which state, and the context of a new claim. */
export const claimMachine = setup({
  types: { context: {} as ClaimContext }, // XState's type carrier, never read at run time
  guards: { nonEmpty: ({ context }) => context.totalCents > 0 },
}).createMachine({
  context: { employeeId: '', title: '', totalCents: 0 },
  initial: 'new',
  states: {
    new: { on: { ClaimOpened: 'draft' } },
    draft: { on: { ExpenseAdded: {}, ClaimSubmitted: { target: 'submitted', guard: 'nonEmpty' } } },
    submitted: { on: { ClaimApproved: 'approved', ClaimRejected: 'rejected' } },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});

/** The claim workflow: the machine decides the lifecycle, `evolve` folds the context. Pure. */
export const claim = defineWorkflow({
  name: 'claim',
  machine: claimMachine,
  events: {
    ClaimOpened: t.strict({ employeeId: t.string, title: t.string }),
    ExpenseAdded: t.strict({ description: t.string, cents: Cents }),
    ClaimSubmitted: t.strict({}),
    ClaimApproved: t.strict({ approverId: t.string }),
    ClaimRejected: t.strict({ approverId: t.string, reason: t.string }),
  },
  evolve: {
    ClaimOpened: (context, data) => ({ ...context, ...data }),
    ExpenseAdded: (context, { cents }) => ({ ...context, totalCents: context.totalCents + cents }),
  },
});
