import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  ev,
  failureMessages,
  memberStream,
  options,
  orgEnrolled,
  orgStream,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of enrollMember.ts (issue #25): its phases and deadline, auth.secretary of
// a secretary, and the subjects its clock and subject.state name.
const orgs: GivenEvent[] = [orgEnrolled('o1'), orgEnrolled('o2')];
const world: GivenEvent[] = [...campaignIn('mobilizing'), ...orgs];
const at = '2010-06-10T09:00:00+08:00';
const enroll = (orgId: string, actor = COMMITTEE, when = at) =>
  command('EnrollMember', when, actor, { memberId: 'm1', orgId, name: 'Li' });

describe('EnrollMember (mutation survivors)', () => {
  it('enrolls in the committing phase too', async () => {
    await given([...campaignIn('committing'), ...orgs], options)
      .when(enroll('o1'))
      .then([
        {
          streamId: orgStream('o1'),
          type: 'MemberJoined',
          data: { member: { id: 'm1', name: 'Li' } },
        },
        {
          streamId: memberStream('m1'),
          type: 'MemberEnrolled',
          data: { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
        },
      ]);
  });
  it('is refused at the campaign’s end', async () => {
    await given(world, options)
      .when(enroll('o1', COMMITTEE, ENDS_AT))
      .then(rejected('campaign.deadline'));
  });
  it('is refused to the secretary of another organization', async () => {
    await given(world, options)
      .when(enroll('o1', { id: 's-o2', role: 'secretary' }))
      .then(rejected('auth.secretary'));
  });
  it('names the organization that is not enrolled', async () => {
    const result = await given(world, options).when(enroll('o9')).then(rejected('subject.state'));
    expect(failureMessages(result)).toEqual(['organization o9 is not enrolled in the campaign']);
  });
  it('names the member already enrolled, in subject.state and clock.monotonic', async () => {
    const enrolled = ev(
      memberStream('m1'),
      'MemberEnrolled',
      { campaignId: 'zz', memberId: 'm1', orgId: 'o2', name: 'Li' },
      '2010-06-20',
    );
    const result = await given([...world, enrolled], options)
      .when(enroll('o1'))
      .then(rejected('clock.monotonic', 'subject.state'));
    expect(failureMessages(result)).toEqual([
      `at ${at} is earlier than the last event of member m1 (2010-06-20T09:00:00+08:00)`,
      'member m1 is already enrolled (it is enrolled)',
    ]);
  });
});
