import { accept, defineCommand, defineWorkflow } from '@strive/engine';
import * as t from 'io-ts';
import { setup } from 'xstate';

/** What a claim folds into. */
type ClaimContext = { employeeId: string; totalCents: number };

const claimMachine = setup({ types: { context: {} as ClaimContext } }).createMachine({
  context: { employeeId: '', totalCents: 0 },
  initial: 'new',
  states: {
    new: { on: { ClaimOpened: 'submitted' } },
    submitted: { on: { ClaimApproved: 'approved' } },
    approved: { type: 'final' },
  },
});

/** The tutorial's expense claim, cut to what the reactor needs: opened, then approved. Pure. */
export const claim = defineWorkflow({
  name: 'claim',
  version: 1,
  machine: claimMachine,
  events: {
    ClaimOpened: t.strict({ employeeId: t.string, totalCents: t.number }),
    // The approval says whom to pay and how much: a reaction sees only its event.
    ClaimApproved: t.strict({ approverId: t.string, employeeId: t.string, totalCents: t.number }),
  },
  evolve: { ClaimOpened: (context, data) => ({ ...context, ...data }) },
});

const streamId = (cmd: { readonly claimId: string }): string => `claim-${cmd.claimId}`;

/** An employee opens (and submits) a claim. */
export const openClaim = defineCommand({
  type: 'OpenClaim',
  fields: { claimId: t.string, totalCents: t.number },
  workflow: claim,
  streamId,
  decide: ({ actor, totalCents }) =>
    accept(claim.event('ClaimOpened', { employeeId: actor.id, totalCents })),
});

/** A manager approves a submitted claim. */
export const approveClaim = defineCommand({
  type: 'ApproveClaim',
  fields: { claimId: t.string },
  workflow: claim,
  streamId,
  decide: ({ actor }, { context }) =>
    accept(
      claim.event('ClaimApproved', {
        approverId: actor.id,
        employeeId: context.employeeId,
        totalCents: context.totalCents,
      }),
    ),
});
