import { defineReactor } from '@strive/engine';
import { approveClaim, claim, openClaim } from './claim.js';
import { registerBankAccount, schedulePayment } from './payee.js';

// #region reactor
const paymentsBot = { id: 'payments-bot', role: 'system' };

/** When a claim is approved, schedule its payment to the employee: once per approval. Pure. */
export const payApprovedClaims = defineReactor({
  name: 'pay-approved-claims',
  on: ['ClaimApproved'],
  react: (event, { at }) => {
    const { employeeId, totalCents } = claim.dataOf('ClaimApproved', event);
    const claimId = event.streamId.slice('claim-'.length);
    return [
      { type: 'SchedulePayment', at, actor: paymentsBot, employeeId, claimId, cents: totalCents },
    ];
  },
});
// #endregion reactor

/** Every command of the example, for `createEngine`. */
export const reactorExampleCommands = [
  openClaim,
  approveClaim,
  registerBankAccount,
  schedulePayment,
];
