import { defineWorkflow } from '@strive/engine';
import { setup } from 'xstate';
import { claimEvents } from './claimEvents.js';

/** What replay folds out of a claim's events (JSON). */
export interface ClaimContext {
  readonly employeeId: string;
  readonly title: string;
  readonly totalCents: number;
  readonly expenses: number;
}

/** A claim before its first event. */
export const initialClaimContext: ClaimContext = {
  employeeId: '',
  title: '',
  totalCents: 0,
  expenses: 0,
};

/** The claim's lifecycle: which events are legal in which state. */
export const claimMachine = setup({
  // XState's way to type the context: a type carrier, never read at run time.
  types: { context: {} as ClaimContext },
  guards: { hasExpenses: ({ context }) => context.expenses > 0 },
}).createMachine({
  id: 'claim',
  context: initialClaimContext,
  initial: 'new',
  states: {
    new: { on: { ClaimOpened: 'draft' } },
    draft: {
      on: {
        ExpenseAdded: {},
        ClaimSubmitted: { target: 'submitted', guard: 'hasExpenses' },
      },
    },
    submitted: { on: { ClaimApproved: 'approved', ClaimRejected: 'rejected' } },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});

/** The claim workflow: the machine decides the lifecycle, `evolve` folds the context. Pure. */
export const claimWorkflow = defineWorkflow({
  name: 'claim',
  version: 1,
  machine: claimMachine,
  events: claimEvents,
  initialContext: initialClaimContext,
  evolve: {
    ClaimOpened: (context, data) => ({ ...context, ...data }),
    ExpenseAdded: (context, data) => ({
      ...context,
      totalCents: context.totalCents + data.cents,
      expenses: context.expenses + 1,
    }),
  },
});
