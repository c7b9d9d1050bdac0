import { defineWorkflow, type Upcaster } from '@strive/engine';
import * as t from 'io-ts';
import { Cents, claimEvents } from '../claimEvents.js';
import { claimMachine, initialClaimContext, type ClaimContext } from '../claimWorkflow.js';

/** Version 2 of `ExpenseAdded`: every expense now says its currency. */
export const ExpenseAddedV2 = t.strict({ description: t.string, cents: Cents, currency: t.string });

/** The claim's context, now also listing the currencies used. */
export interface ClaimContextV2 extends ClaimContext {
  readonly currencies: readonly string[];
}

// #region upcaster
/** Data written at version 1 had no currency: every such expense was in euros. Pure. */
export const addEuro: Upcaster = (old) =>
  typeof old === 'object' && old !== null && !Array.isArray(old)
    ? { ...old, currency: 'EUR' }
    : old;

const eventsV2 = {
  ...claimEvents,
  ExpenseAdded: { codec: ExpenseAddedV2, schemaVersion: 2, upcasters: { 1: addEuro } },
};

/** The claim workflow after the schema change: old events are upcast as they are read. Pure. */
export const claimWorkflowV2 = defineWorkflow<ClaimContextV2, typeof eventsV2>({
  name: 'claim',
  version: 2, // the reducers changed meaning: snapshots of version 1 are rebuilt
  machine: claimMachine,
  events: eventsV2,
  initialContext: { ...initialClaimContext, currencies: [] },
  evolve: {
    ClaimOpened: (context, data) => ({ ...context, ...data }),
    ExpenseAdded: (context, data) => ({
      ...context,
      totalCents: context.totalCents + data.cents,
      expenses: context.expenses + 1,
      currencies: context.currencies.includes(data.currency)
        ? context.currencies
        : [...context.currencies, data.currency],
    }),
  },
});
// #endregion upcaster
