import {
  accept,
  defineCommand,
  defineWorkflow,
  failuresOf,
  reject,
  rule,
  type WorkflowState,
} from '@strive/engine';
import { claim, type ClaimContext } from '@strive/example-tutorial/claimWorkflow';
import * as t from 'io-ts';
import { setup } from 'xstate';

/** What a payee folds into: the bank account, once registered, and the claims scheduled. */
type PayeeContext = { iban: string | null; scheduled: number };

const payeeMachine = setup({ types: { context: {} as PayeeContext } }).createMachine({
  context: { iban: null, scheduled: 0 },
  initial: 'active',
  states: { active: { on: { BankAccountRegistered: {}, PaymentScheduled: {} } } },
});

// #region payee
/** The second workflow: an employee as a payee of approved claims. Pure. */
const payee = defineWorkflow({
  name: 'payee',
  machine: payeeMachine,
  events: {
    BankAccountRegistered: t.strict({ iban: t.string }),
    PaymentScheduled: t.strict({ claimId: t.string, cents: t.number, iban: t.string }),
  },
  evolve: {
    BankAccountRegistered: (context, { iban }) => ({ ...context, iban }),
    PaymentScheduled: (context) => ({ ...context, scheduled: context.scheduled + 1 }),
  },
});

type Payment = { claim: WorkflowState<ClaimContext>; payee: PayeeContext };
const approved = rule<Payment>(
  'payment.claim-approved',
  ({ claim }) => `the claim is ${claim.value}, not approved`,
  ({ claim }) => claim.value === 'approved',
);
const hasAccount = rule<Payment>(
  'payee.bank-account',
  () => 'the payee has no bank account registered',
  ({ payee }) => payee.iban !== null,
);

/**
 * Schedules the payment of an approved claim to its employee, whose payee stream the claim's state
 * names; refused unless the claim is approved and the payee has a bank account.
 */
export const schedulePayment = defineCommand({
  type: 'SchedulePayment',
  fields: { claimId: t.string },
  streams: (cmd) => ({ claim: { workflow: claim, streamId: `claim-${cmd.claimId}` } }),
  derivedStreams: (_cmd, states) => ({
    payee: { workflow: payee, streamId: `payee-${states.claim.context.employeeId}` },
  }),
  decide: ({ claimId }, states) => {
    const { iban } = states.payee.context;
    const failures = failuresOf([approved, hasAccount], {
      claim: states.claim,
      payee: states.payee.context,
    });
    if (failures.length > 0 || iban === null) return reject(failures);
    const cents = states.claim.context.totalCents;
    return accept({ payee: [payee.event('PaymentScheduled', { claimId, cents, iban })] });
  },
});
// #endregion payee

/** An employee registers the account their claims are paid to. */
export const registerBankAccount = defineCommand({
  type: 'RegisterBankAccount',
  fields: { iban: t.string },
  workflow: payee,
  streamId: (cmd) => `payee-${cmd.actor.id}`,
  decide: ({ iban }) => accept(payee.event('BankAccountRegistered', { iban })),
});
