import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of publishImplementationOpinions.ts (issue #25): the deadline.
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';

describe('PublishImplementationOpinions (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    const launched = {
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
    };
    await given([launched], options)
      .when({
        type: 'PublishImplementationOpinions',
        id: 'x-1',
        at: endsAt,
        actor: { id: 'cc', role: 'committee' },
        campaignId: 'zz',
        document: { title: 't', issuedBy: 'c' },
      })
      .then(rejected('campaign.deadline'));
  });
});
