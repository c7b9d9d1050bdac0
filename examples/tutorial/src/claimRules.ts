import { rule } from '@strive/engine';

/** What the review rules look at. */
export interface ReviewInput {
  readonly reviewerId: string;
  readonly reviewerRole: string;
  readonly employeeId: string;
  readonly totalCents: number;
}

/** Above this total (in cents) only a director may approve. */
export const MANAGER_LIMIT_CENTS = 100_000;

/** Nobody reviews their own claim. Pure. */
export const notOwnClaim = rule<ReviewInput>(
  'claim.not-own',
  ({ reviewerId }) => `${reviewerId} cannot review their own claim`,
  ({ reviewerId, employeeId }) => reviewerId !== employeeId,
);

/** A manager approves up to 1,000.00, a director any amount, nobody else anything. Pure. */
export const approvalLimit = rule<ReviewInput>(
  'claim.approval-limit',
  ({ reviewerRole, totalCents }) =>
    `role ${reviewerRole} may not approve ${totalCents} cents (manager: up to ${MANAGER_LIMIT_CENTS}, director: any)`,
  ({ reviewerRole, totalCents }) =>
    reviewerRole === 'director' ||
    (reviewerRole === 'manager' && totalCents <= MANAGER_LIMIT_CENTS),
);
