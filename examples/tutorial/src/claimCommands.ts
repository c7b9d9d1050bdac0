import { all, defineCommand, type DomainEvent } from '@strive/engine';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { Cents } from './claimEvents.js';
import { approvalLimit, notOwnClaim } from './claimRules.js';
import { claimWorkflow } from './claimWorkflow.js';

const Common = { id: t.string, at: t.string, actor: t.strict({ id: t.string, role: t.string }) };

/** The codec of a command: the fields every command has, plus its own (unknown keys are Invalid). */
const command = <T extends string, P extends t.Props>(type: T, props: P) =>
  t.exact(t.intersection([t.type({ type: t.literal(type), ...Common }), t.type(props)]));

/** The one stream every claim command touches. */
const claimStream = (cmd: { readonly claimId: string }) => ({
  claim: { workflow: claimWorkflow, streamId: `claim-${cmd.claimId}` },
});

/** An employee opens a claim (the machine refuses a second `ClaimOpened` on the same stream). */
export const openClaim = defineCommand({
  type: 'OpenClaim',
  codec: command('OpenClaim', { claimId: t.string, title: t.string }),
  streams: (cmd) => claimStream(cmd),
  decide: (cmd) =>
    E.right({
      claim: [{ type: 'ClaimOpened', data: { employeeId: cmd.actor.id, title: cmd.title } }],
    }),
});

/** Adds one expense to a draft claim. */
export const addExpense = defineCommand({
  type: 'AddExpense',
  codec: command('AddExpense', { claimId: t.string, description: t.string, cents: Cents }),
  streams: (cmd) => claimStream(cmd),
  decide: (cmd) =>
    E.right({
      claim: [{ type: 'ExpenseAdded', data: { description: cmd.description, cents: cmd.cents } }],
    }),
});

/** Submits a claim for review (the machine's `hasExpenses` guard refuses an empty one). */
export const submitClaim = defineCommand({
  type: 'SubmitClaim',
  codec: command('SubmitClaim', { claimId: t.string }),
  streams: (cmd) => claimStream(cmd),
  decide: () => E.right({ claim: [{ type: 'ClaimSubmitted', data: {} }] }),
});

/** Approves or rejects a submitted claim, under the two review rules. */
export const reviewClaim = defineCommand({
  type: 'ReviewClaim',
  codec: command('ReviewClaim', {
    claimId: t.string,
    decision: t.union([t.literal('approve'), t.literal('reject')]),
    reason: t.string,
  }),
  streams: (cmd) => claimStream(cmd),
  decide: (cmd, { claim }) => {
    const input = {
      reviewerId: cmd.actor.id,
      reviewerRole: cmd.actor.role,
      employeeId: claim.context.employeeId,
      totalCents: claim.context.totalCents,
    };
    const approve = cmd.decision === 'approve';
    const rules = approve ? all(notOwnClaim, approvalLimit) : notOwnClaim;
    const event: DomainEvent = approve
      ? { type: 'ClaimApproved', data: { approverId: cmd.actor.id } }
      : { type: 'ClaimRejected', data: { approverId: cmd.actor.id, reason: cmd.reason } };
    return pipe(
      rules.check(input),
      E.map(() => ({ claim: [event] })),
    );
  },
});

/** Every command of the tutorial, for `createEngine`. */
export const claimCommands = [openClaim, addExpense, submitClaim, reviewClaim];
