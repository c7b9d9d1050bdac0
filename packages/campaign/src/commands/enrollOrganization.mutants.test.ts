import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of enrollOrganization.ts (issue #25): its judgements, the deadline, and
// the campaign stream's listing.
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
const enroll = (actor: { id: string; role: string }, at = '2010-05-20T09:00:00+08:00') => ({
  type: 'EnrollOrganization',
  id: 'x-1',
  at,
  actor,
  campaignId: 'zz',
  orgId: 'o1',
  name: 'Org one',
  category: 'urban',
});
const committee = { id: 'cc', role: 'committee' };

describe('EnrollOrganization (mutation survivors)', () => {
  it('lists the organization in the campaign stream and opens its own', async () => {
    await given(launched, options)
      .when(enroll(committee))
      .then([
        {
          streamId: 'campaign-zz',
          type: 'OrganizationRegistered',
          data: { orgId: 'o1', name: 'Org one', category: 'urban', secretary: null },
        },
        {
          streamId: 'subject-zz-organization-o1',
          type: 'OrganizationEnrolled',
          data: {
            campaignId: 'zz',
            orgId: 'o1',
            name: 'Org one',
            category: 'urban',
            secretary: null,
          },
        },
      ]);
  });
  it('is refused to another role, and at the campaign’s end', async () => {
    await given(launched, options)
      .when(enroll({ id: 'p1', role: 'public' }))
      .then(rejected('auth.role'));
    await given(launched, options)
      .when(enroll(committee, endsAt))
      .then(rejected('campaign.deadline'));
  });
});
