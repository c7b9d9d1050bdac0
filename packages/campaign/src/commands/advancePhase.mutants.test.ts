import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of advancePhase.ts (issue #25): the deadline. (Its guard
// `status === 'unlaunched' || status === 'concluded'` is only reached once phase.window and
// campaign.concluded have passed, so no status makes its mutants observable: equivalent.)
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';
const launched: GivenEvent[] = [
  {
    streamId: 'campaign-zz',
    type: 'CampaignLaunched',
    data: {
      campaignId: 'zz',
      title: 't',
      endsAt,
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    at: '2010-05-10T09:00:00+08:00',
  },
];

describe('AdvancePhase (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    await given(launched, options)
      .when({
        type: 'AdvancePhase',
        id: 'x-1',
        at: endsAt,
        actor: { id: 'cc', role: 'committee' },
        campaignId: 'zz',
        to: 'committing',
      })
      .then(rejected('campaign.deadline'));
  });
});
