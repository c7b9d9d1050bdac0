import { rule } from '@strive/engine';
import { atMost, formatPercent, fromDecimal } from '../domain/Fraction.js';

/** Input of `commendation.quota`: the quota (null: none) and the campaign's counts before this commendation. */
export interface QuotaInput {
  readonly quota: number | null;
  readonly commended: number;
  readonly enrolled: number;
}

/**
 * commendation.quota: with a quota set, commending one more organization keeps commended organizations
 * <= quota x enrolled organizations, exactly. The counts come from the campaign stream, which Commend
 * appends to with its expected version, so two racing commendations cannot both pass. Pure.
 */
export const commendationQuota = rule<QuotaInput>(
  'commendation.quota',
  ({ quota, commended, enrolled }) =>
    quota === null
      ? 'no commendation quota is set'
      : `commending would make ${commended + 1} of ${enrolled} enrolled organizations commended, at most ${formatPercent(quota)} allowed`,
  ({ quota, commended, enrolled }) =>
    quota === null || atMost(commended + 1, enrolled, fromDecimal(quota)),
);
