import { given, rejected, type GivenEvent, type ScenarioResult } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of enrollMember.ts (issue #25): its phases and deadline, auth.secretary of
// a secretary, and the subjects its clock and subject.state name.
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at,
});
const org = (orgId: string) =>
  ev(
    `subject-zz-organization-${orgId}`,
    'OrganizationEnrolled',
    {
      campaignId: 'zz',
      orgId,
      name: orgId,
      category: 'urban',
      secretary: { id: `s-${orgId}`, name: 's' },
    },
    '2010-05-11T09:00:00+08:00',
  );
const world: GivenEvent[] = [
  ev(
    'campaign-zz',
    'CampaignLaunched',
    {
      campaignId: 'zz',
      title: 't',
      endsAt,
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    '2010-05-10T09:00:00+08:00',
  ),
  org('o1'),
  org('o2'),
];
const at = '2010-06-10T09:00:00+08:00';
const enroll = (orgId: string, actor = { id: 'cc', role: 'committee' }, when = at) => ({
  type: 'EnrollMember',
  id: 'x-1',
  at: when,
  actor,
  campaignId: 'zz',
  memberId: 'm1',
  orgId,
  name: 'Li',
});
const messages = ({ outcome }: ScenarioResult): string[] =>
  outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];

describe('EnrollMember (mutation survivors)', () => {
  it('enrolls in the committing phase too', async () => {
    const committing = ev(
      'campaign-zz',
      'PhaseAdvanced',
      { from: 'mobilizing', to: 'committing' },
      '2010-06-01T09:00:00+08:00',
    );
    await given([...world, committing], options)
      .when(enroll('o1'))
      .then([
        {
          streamId: 'subject-zz-organization-o1',
          type: 'MemberJoined',
          data: { member: { id: 'm1', name: 'Li' } },
        },
        {
          streamId: 'subject-zz-member-m1',
          type: 'MemberEnrolled',
          data: { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
        },
      ]);
  });
  it('is refused at the campaign’s end', async () => {
    await given(world, options)
      .when(enroll('o1', undefined, endsAt))
      .then(rejected('campaign.deadline'));
  });
  it('is refused to the secretary of another organization', async () => {
    await given(world, options)
      .when(enroll('o1', { id: 's-o2', role: 'secretary' }))
      .then(rejected('auth.secretary'));
  });
  it('names the organization that is not enrolled', async () => {
    const result = await given(world, options).when(enroll('o9')).then(rejected('subject.state'));
    expect(messages(result)).toEqual(['organization o9 is not enrolled in the campaign']);
  });
  it('names the member already enrolled, in subject.state and clock.monotonic', async () => {
    const enrolled = ev(
      'subject-zz-member-m1',
      'MemberEnrolled',
      { campaignId: 'zz', memberId: 'm1', orgId: 'o2', name: 'Li' },
      '2010-06-20T09:00:00+08:00',
    );
    const result = await given([...world, enrolled], options)
      .when(enroll('o1'))
      .then(rejected('clock.monotonic', 'subject.state'));
    expect(messages(result)).toEqual([
      `at ${at} is earlier than the last event of member m1 (2010-06-20T09:00:00+08:00)`,
      'member m1 is already enrolled (it is enrolled)',
    ]);
  });
});
