import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of launchCampaign.ts (issue #25): its judgements.
const options = { commands: campaignCommands };

describe('LaunchCampaign (mutation survivors)', () => {
  it('is refused to another role than the committee', async () => {
    await given([], options)
      .when({
        type: 'LaunchCampaign',
        id: 'x-1',
        at: '2010-05-10T09:00:00+08:00',
        actor: { id: 'p1', role: 'public' },
        campaignId: 'zz',
        title: 't',
        endsAt: '2012-12-31T23:59:59+08:00',
        objectives: ['o'],
        principles: ['p'],
      })
      .then(rejected('auth.role'));
  });
});
