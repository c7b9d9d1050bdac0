import { defineReactor } from '@strive/engine';
import { claimCommands } from '@strive/example-tutorial/claimCommands';
import { registerBankAccount, schedulePayment } from './payee.js';

// #region reactor
const paymentsBot = { id: 'payments-bot', role: 'system' };

/** When a claim is approved, schedule its payment: once per approval. Pure. */
export const payApprovedClaims = defineReactor({
  name: 'pay-approved-claims',
  on: ['ClaimApproved'],
  react: (event, { at }) => {
    const claimId = event.streamId.slice('claim-'.length);
    return [{ type: 'SchedulePayment', at, actor: paymentsBot, claimId }];
  },
});
// #endregion reactor

/** Every command of the example: the tutorial's claim commands and the payee's, for `createEngine`. */
export const reactorExampleCommands = [...claimCommands, registerBankAccount, schedulePayment];
