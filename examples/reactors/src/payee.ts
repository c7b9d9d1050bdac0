import { accept, defineCommand, defineWorkflow, failuresOf, reject, rule } from '@strive/engine';
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
  version: 1,
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

const hasAccount = rule<PayeeContext>(
  'payee.bank-account',
  () => 'the payee has no bank account registered',
  (payee) => payee.iban !== null,
);

/** Schedules the payment of an approved claim; refused while the payee has no bank account. */
export const schedulePayment = defineCommand({
  type: 'SchedulePayment',
  fields: { employeeId: t.string, claimId: t.string, cents: t.number },
  workflow: payee,
  streamId: (cmd) => `payee-${cmd.employeeId}`,
  decide: ({ claimId, cents }, { context }) => {
    const failures = failuresOf([hasAccount], context);
    return failures.length > 0 || context.iban === null
      ? reject(failures)
      : accept(payee.event('PaymentScheduled', { claimId, cents, iban: context.iban }));
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
