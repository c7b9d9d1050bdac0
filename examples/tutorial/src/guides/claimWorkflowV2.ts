import { defineWorkflow, type Upcaster } from '@strive/engine';
import * as t from 'io-ts';
import { Cents, claim, claimMachine, type ClaimContext } from '../claimWorkflow.js';

/** Version 2 of `ExpenseAdded`: every expense now says its currency. */
const ExpenseAddedV2 = t.strict({ description: t.string, cents: Cents, currency: t.string });

/** The claim's context, now also listing the currencies used. */
export type ClaimContextV2 = ClaimContext & { readonly currencies: readonly string[] };

// #region upcaster
/** Data written at version 1 had no currency: every such expense was in euros. Pure. */
const addEuro: Upcaster = (old) =>
  typeof old === 'object' && old !== null && !Array.isArray(old)
    ? { ...old, currency: 'EUR' }
    : old;

const eventsV2 = {
  ClaimOpened: t.strict({ employeeId: t.string, title: t.string }),
  ExpenseAdded: { codec: ExpenseAddedV2, schemaVersion: 2, upcasters: { 1: addEuro } },
  ClaimSubmitted: t.strict({}),
  ClaimApproved: t.strict({ approverId: t.string }),
  ClaimRejected: t.strict({ approverId: t.string, reason: t.string }),
};

/** The claim workflow after the schema change: old events are upcast as they are read. Pure. */
export const claimWorkflowV2 = defineWorkflow<ClaimContextV2, typeof eventsV2>({
  name: 'claim',
  version: 2, // the reducers changed meaning: snapshots of version 1 are rebuilt
  machine: claimMachine,
  events: eventsV2,
  initialContext: { ...claim.initialContext, currencies: [] },
  evolve: {
    ClaimOpened: (context, data) => ({ ...context, ...data }),
    ExpenseAdded: (context, data) => ({
      ...context,
      totalCents: context.totalCents + data.cents,
      currencies: context.currencies.includes(data.currency)
        ? context.currencies
        : [...context.currencies, data.currency],
    }),
  },
});
// #endregion upcaster
