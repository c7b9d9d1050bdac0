import { given, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of concludeCampaign.ts (issue #25): the reason it records. (Its guard
// `status === 'unlaunched' || status === 'concluded'` is only reached once phase.window and
// campaign.concluded have passed, so no status makes its mutants observable: equivalent.)
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';
const ev = (type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId: 'campaign-zz',
  type,
  data,
  at,
});
const advanced = (from: string, to: string, at: string) => ev('PhaseAdvanced', { from, to }, at);
const evaluating: GivenEvent[] = [
  ev(
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
  advanced('mobilizing', 'committing', '2010-06-01T09:00:00+08:00'),
  advanced('committing', 'evaluating', '2010-10-01T09:00:00+08:00'),
];
const conclude = (at: string) => ({
  type: 'ConcludeCampaign',
  id: 'x-1',
  at,
  actor: { id: 'cc', role: 'committee' },
  campaignId: 'zz',
});
const concluded = (from: string, concludedAt: string, reason: string) => [
  { streamId: 'campaign-zz', type: 'CampaignConcluded', data: { from, concludedAt, reason } },
];

describe('ConcludeCampaign (mutation survivors)', () => {
  it('records a campaign concluded from commending as completed', async () => {
    const at = '2011-01-15T09:00:00+08:00';
    await given(
      [...evaluating, advanced('evaluating', 'commending', '2010-12-01T09:00:00+08:00')],
      options,
    )
      .when(conclude(at))
      .then(concluded('commending', at, 'completed'));
  });
  it('records a campaign concluded from another phase at its end as ended by the deadline', async () => {
    await given(evaluating, options)
      .when(conclude(endsAt))
      .then(concluded('evaluating', endsAt, 'deadline'));
  });
});
