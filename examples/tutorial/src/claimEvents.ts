import * as t from 'io-ts';

/** Brands a number checked to be whole positive cents. */
export interface CentsBrand {
  readonly Cents: unique symbol;
}

/** A positive whole number of cents (io-ts `t.number` alone would let NaN and Infinity through). */
export const Cents = t.brand(
  t.number,
  (n): n is t.Branded<number, CentsBrand> => Number.isSafeInteger(n) && n > 0,
  'Cents',
);

/** An employee opened a claim. */
export const ClaimOpened = t.strict({ employeeId: t.string, title: t.string });

/** One expense was added to a draft claim. */
export const ExpenseAdded = t.strict({ description: t.string, cents: Cents });

/** The employee submitted the claim for review. */
export const ClaimSubmitted = t.strict({});

/** A reviewer approved the claim. */
export const ClaimApproved = t.strict({ approverId: t.string });

/** A reviewer rejected the claim, saying why. */
export const ClaimRejected = t.strict({ approverId: t.string, reason: t.string });

/** The events of a claim stream and their schema versions (the workflow's `events`). */
export const claimEvents = {
  ClaimOpened: { codec: ClaimOpened, schemaVersion: 1 },
  ExpenseAdded: { codec: ExpenseAdded, schemaVersion: 1 },
  ClaimSubmitted: { codec: ClaimSubmitted, schemaVersion: 1 },
  ClaimApproved: { codec: ClaimApproved, schemaVersion: 1 },
  ClaimRejected: { codec: ClaimRejected, schemaVersion: 1 },
};
