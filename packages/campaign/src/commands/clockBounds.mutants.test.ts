import { given, rejected, type GivenEvent, type ScenarioResult } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of clockBounds.ts (issue #25): a campaign-level command is compared with
// the latest event of its campaign, not with whichever subject stream is read last, and both clocks
// say what they compared with.
const options = { commands: campaignCommands };
const O1 = 'subject-zz-organization-o1';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at: `${at}T09:00:00+08:00`,
});
const secretary = { id: 's-o1', name: 's' };
/** A committing campaign (since June 1) listing o1, whose own stream is older (May 11). */
const world: GivenEvent[] = [
  ev(
    'campaign-zz',
    'CampaignLaunched',
    {
      campaignId: 'zz',
      title: 't',
      endsAt: '2012-12-31T23:59:59+08:00',
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    '2010-05-10',
  ),
  ev(
    'campaign-zz',
    'OrganizationRegistered',
    { orgId: 'o1', name: 'o1', category: 'urban', secretary },
    '2010-05-11',
  ),
  ev(
    O1,
    'OrganizationEnrolled',
    { campaignId: 'zz', orgId: 'o1', name: 'o1', category: 'urban', secretary },
    '2010-05-11',
  ),
  ev('campaign-zz', 'PhaseAdvanced', { from: 'mobilizing', to: 'committing' }, '2010-06-01'),
];
const at = '2010-05-20T09:00:00+08:00';
const committee = { id: 'cc', role: 'committee' };
const messages = ({ outcome }: ScenarioResult): string[] =>
  outcome._tag === 'Rejected' ? outcome.failures.map((f) => f.message) : [];

describe('the clocks of campaign and subject commands (mutation survivors)', () => {
  it('compares a campaign-level command with the campaign’s latest event, not the subject read last', async () => {
    const result = await given(world, options)
      .when({
        type: 'AdvancePhase',
        id: 'x-1',
        at,
        actor: committee,
        campaignId: 'zz',
        to: 'evaluating',
      })
      .then(rejected('clock.monotonic'));
    expect(messages(result)).toEqual([
      `at ${at} is earlier than the latest event of campaign zz (2010-06-01T09:00:00+08:00)`,
    ]);
  });
  it('names the campaign-level event a subject command is earlier than', async () => {
    const result = await given(world, options)
      .when({
        type: 'RecordLeadershipReview',
        id: 'x-1',
        at,
        actor: { id: 's-o1', role: 'secretary' },
        campaignId: 'zz',
        orgId: 'o1',
        topics: ['t'],
      })
      .then(rejected('clock.monotonic', 'subject.state'));
    expect(messages(result)[0]).toBe(
      `at ${at} is earlier than the last campaign-level event of campaign zz (2010-06-01T09:00:00+08:00)`,
    );
  });
});
