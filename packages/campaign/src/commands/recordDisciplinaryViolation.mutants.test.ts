import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  failureMessages,
  memberEnrolled,
  memberStream,
  options,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of recordDisciplinaryViolation.ts (issue #25): the committing phase, the
// deadline, the member subject.state names, and the appended event.
/** A committing campaign with member m1 enrolled. */
const world: GivenEvent[] = [...campaignIn('committing'), memberEnrolled('m1', 'o1')];
const at = '2010-07-01T09:00:00+08:00';
const record = (memberId: string, when = at) =>
  command('RecordDisciplinaryViolation', when, COMMITTEE, { memberId, description: 'd' });

describe('RecordDisciplinaryViolation (mutation survivors)', () => {
  it('records a violation in the committing phase', async () => {
    await given(world, options)
      .when(record('m1'))
      .then([
        {
          streamId: memberStream('m1'),
          type: 'DisciplinaryViolationRecorded',
          data: { description: 'd', at },
        },
      ]);
  });
  it('is refused at the campaign’s end', async () => {
    await given(world, options).when(record('m1', ENDS_AT)).then(rejected('campaign.deadline'));
  });
  it('names the member that is not enrolled', async () => {
    const result = await given(world, options).when(record('m9')).then(rejected('subject.state'));
    expect(failureMessages(result)).toEqual(['member m9 is not enrolled in the campaign']);
  });
});
