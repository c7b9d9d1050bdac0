import { rule } from '@strive/engine';
import type { Person } from '../domain/Person.js';

/** Input of `commitment.first-responsible`. */
export interface FirstResponsibleInput {
  readonly orgId: string;
  readonly secretary: Person | null;
}

/** commitment.first-responsible: an organization has a secretary before it publishes a commitment. Pure. */
export const commitmentFirstResponsible = rule<FirstResponsibleInput>(
  'commitment.first-responsible',
  ({ orgId, secretary }) =>
    secretary === null
      ? `organization ${orgId} has no secretary (first responsible person); assign one before it publishes a commitment`
      : `organization ${orgId} has a first responsible person, secretary ${secretary.name} (${secretary.id})`,
  ({ secretary }) => secretary !== null,
);
