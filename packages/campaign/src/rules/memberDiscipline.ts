import { rule } from '@strive/engine';

/** Input of `member.discipline`. */
export interface DisciplineInput {
  readonly memberId: string;
  readonly violations: number;
}

/** member.discipline: a member with a recorded violation is neither nominated nor commended. Pure. */
export const memberDiscipline = rule<DisciplineInput>(
  'member.discipline',
  ({ memberId, violations }) =>
    violations === 0
      ? `member ${memberId} has no recorded disciplinary violation`
      : `member ${memberId} has ${violations} recorded disciplinary violation${violations === 1 ? '' : 's'}`,
  ({ violations }) => violations === 0,
);
