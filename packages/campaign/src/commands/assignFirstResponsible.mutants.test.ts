import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of assignFirstResponsible.ts (issue #25): its judgements, the deadline,
// and the two events it appends.
const options = { commands: campaignCommands };
const endsAt = '2012-12-31T23:59:59+08:00';
const O1 = 'subject-zz-organization-o1';
/** A mobilizing campaign: o1 enrolled without a secretary. */
const world: GivenEvent[] = [
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
  {
    streamId: O1,
    type: 'OrganizationEnrolled',
    data: { campaignId: 'zz', orgId: 'o1', name: 'o1', category: 'urban', secretary: null },
    at: '2010-05-11T09:00:00+08:00',
  },
];
const secretary = { id: 's1', name: 'Wang' };
const assign = (orgId: string, at = '2010-05-20T09:00:00+08:00') => ({
  type: 'AssignFirstResponsible',
  id: 'x-1',
  at,
  actor: { id: 'cc', role: 'committee' },
  campaignId: 'zz',
  orgId,
  secretary,
});

describe('AssignFirstResponsible (mutation survivors)', () => {
  it('appends the change to the campaign and the organization', async () => {
    await given(world, options)
      .when(assign('o1'))
      .then([
        {
          streamId: 'campaign-zz',
          type: 'OrganizationSecretaryChanged',
          data: { orgId: 'o1', secretary },
        },
        { streamId: O1, type: 'FirstResponsibleAssigned', data: { secretary, previous: null } },
      ]);
  });
  it('refuses an organization not enrolled, and at the campaign’s end', async () => {
    await given(world, options).when(assign('o9')).then(rejected('subject.state'));
    await given(world, options).when(assign('o1', endsAt)).then(rejected('campaign.deadline'));
  });
});
