import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of campaignJudgements.ts (issue #25): campaign.concluded is judged on the
// campaign's status.
const options = { commands: campaignCommands };
const concluded: GivenEvent[] = [
  {
    streamId: 'campaign-zz',
    type: 'CampaignLaunched',
    data: {
      campaignId: 'zz',
      title: 't',
      endsAt: '2012-12-31T23:59:59+08:00',
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    at: '2010-05-10T09:00:00+08:00',
  },
  {
    streamId: 'campaign-zz',
    type: 'CampaignConcluded',
    data: { from: 'mobilizing', concludedAt: '2010-05-11T09:00:00+08:00', reason: 'deadline' },
    at: '2010-05-11T09:00:00+08:00',
  },
];

describe('campaign.concluded (mutation survivors)', () => {
  it('refuses a command of a concluded campaign', async () => {
    await given(concluded, options)
      .when({
        type: 'EstablishLeadingGroup',
        id: 'x-1',
        at: '2010-05-12T09:00:00+08:00',
        actor: { id: 'cc', role: 'committee' },
        campaignId: 'zz',
        members: [{ id: 'g', name: 'n', title: 't' }],
      })
      .then(rejected('campaign.concluded'));
  });
});
