import { accept, commandsFor, failuresOf, reject, rule } from '@strive/engine';
import * as t from 'io-ts';
import { Cents, claim, type ClaimContext } from './claimWorkflow.js';

/** Each command below touches one claim stream, `claim-<claimId>`. */
const claimCommand = commandsFor(claim, (cmd: { claimId: string }) => `claim-${cmd.claimId}`);

/** An employee opens a claim (the machine refuses a second `ClaimOpened` on the same stream). */
const openClaim = claimCommand({
  type: 'OpenClaim',
  fields: { claimId: t.string, title: t.string },
  decide: ({ actor, title }) => accept(claim.event('ClaimOpened', { employeeId: actor.id, title })),
});

/** Adds one expense to a draft claim. */
const addExpense = claimCommand({
  type: 'AddExpense',
  fields: { claimId: t.string, description: t.string, cents: Cents },
  decide: ({ description, cents }) => accept(claim.event('ExpenseAdded', { description, cents })),
});

/** Submits a claim for review (the machine's `nonEmpty` guard refuses an empty one). */
const submitClaim = claimCommand({
  type: 'SubmitClaim',
  fields: { claimId: t.string },
  decide: () => accept(claim.event('ClaimSubmitted', {})),
});

type Review = { reviewer: { id: string; role: string }; claim: ClaimContext };
/** Nobody reviews their own claim. Pure. */
const notOwnClaim = rule<Review>(
  'claim.not-own',
  ({ reviewer }) => `${reviewer.id} cannot review their own claim`,
  ({ reviewer, claim }) => reviewer.id !== claim.employeeId,
);
/** A manager approves up to 1,000.00, a director any amount, nobody else anything. Pure. */
const approvalLimit = rule<Review>(
  'claim.approval-limit',
  ({ reviewer: { role }, claim: { totalCents: n } }) =>
    `role ${role} may not approve ${n} cents (manager: up to 100000, director: any)`,
  ({ reviewer: { role }, claim }) =>
    role === 'director' || (role === 'manager' && claim.totalCents <= 100_000),
);

/** Approves or rejects a submitted claim; every failing review rule is reported. */
const reviewClaim = claimCommand({
  type: 'ReviewClaim',
  fields: { claimId: t.string, decision: t.keyof({ approve: 0, reject: 0 }), reason: t.string },
  decide: ({ actor, decision, reason }, { context }) => {
    const rules = decision === 'approve' ? [notOwnClaim, approvalLimit] : [notOwnClaim];
    const failures = failuresOf(rules, { reviewer: actor, claim: context });
    if (failures.length > 0) return reject(failures);
    return decision === 'approve'
      ? accept(claim.event('ClaimApproved', { approverId: actor.id }))
      : accept(claim.event('ClaimRejected', { approverId: actor.id, reason }));
  },
});

/** Every command of the tutorial, for `createEngine`. */
export const claimCommands = [openClaim, addExpense, submitClaim, reviewClaim];
