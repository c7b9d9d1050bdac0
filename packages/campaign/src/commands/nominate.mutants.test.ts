import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  campaignIn,
  COMMITTEE,
  command,
  ev,
  memberEnrolled,
  memberStream,
  options,
  subjectUpTo,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of nominate.ts and commend.ts (issue #25): a member is judged on
// member.discipline, where an organization is judged on review.regular (nominate) or the quota (commend).
const M1 = memberStream('m1');
const lifecycle = subjectUpTo(M1, 'under-notice');
const violation = ev(
  M1,
  'DisciplinaryViolationRecorded',
  { description: 'd', at: '2010-10-11T09:00:00+08:00' },
  '2010-10-11',
);
/** A commending campaign: member m1 committed, evaluated once, then a disciplinary violation. */
const evaluated: GivenEvent[] = [
  ...campaignIn('commending'),
  memberEnrolled('m1', 'o1'),
  ...lifecycle.slice(0, 2),
  violation,
];
/** The same, m1 then nominated and under notice from Dec 3 to Dec 10. */
const underNotice: GivenEvent[] = [...evaluated, ...lifecycle.slice(2)];
const onM1 = (type: string, at: string) =>
  command(type, at, COMMITTEE, { subject: { kind: 'member', id: 'm1' } });

describe('a member’s merit (mutation survivors of Nominate and Commend)', () => {
  it('Nominate judges a member on member.discipline, not review.regular', async () => {
    await given(evaluated, options)
      .when(onM1('Nominate', '2010-12-02T09:00:00+08:00'))
      .then(rejected('evaluation.quorum', 'member.discipline'));
  });
  it('Commend judges a member on member.discipline, not the organizations’ quota', async () => {
    await given(underNotice, options)
      .when(onM1('Commend', '2011-01-15T09:00:00+08:00'))
      .then(rejected('member.discipline'));
  });
});
