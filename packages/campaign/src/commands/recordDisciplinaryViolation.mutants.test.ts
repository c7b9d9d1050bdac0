import { given, rejected, type GivenEvent, type ScenarioResult } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of recordDisciplinaryViolation.ts (issue #25): the committing phase, the
// deadline, the member subject.state names, and the appended event.
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at,
});
/** A committing campaign with member m1 enrolled. */
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
  ev(
    'subject-zz-member-m1',
    'MemberEnrolled',
    { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
    '2010-05-12T09:00:00+08:00',
  ),
  ev(
    'campaign-zz',
    'PhaseAdvanced',
    { from: 'mobilizing', to: 'committing' },
    '2010-06-01T09:00:00+08:00',
  ),
];
const at = '2010-07-01T09:00:00+08:00';
const record = (memberId: string, when = at) => ({
  type: 'RecordDisciplinaryViolation',
  id: 'x-1',
  at: when,
  actor: { id: 'cc', role: 'committee' },
  campaignId: 'zz',
  memberId,
  description: 'd',
});
const messages = ({ outcome }: ScenarioResult): string[] =>
  outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];

describe('RecordDisciplinaryViolation (mutation survivors)', () => {
  it('records a violation in the committing phase', async () => {
    await given(world, options)
      .when(record('m1'))
      .then([
        {
          streamId: 'subject-zz-member-m1',
          type: 'DisciplinaryViolationRecorded',
          data: { description: 'd', at },
        },
      ]);
  });
  it('is refused at the campaign’s end', async () => {
    await given(world, options).when(record('m1', endsAt)).then(rejected('campaign.deadline'));
  });
  it('names the member that is not enrolled', async () => {
    const result = await given(world, options).when(record('m9')).then(rejected('subject.state'));
    expect(messages(result)).toEqual(['member m9 is not enrolled in the campaign']);
  });
});
