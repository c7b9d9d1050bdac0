import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  C,
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  options,
  orgStream,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of enrollOrganization.ts (issue #25): its judgements, the deadline, and
// the campaign stream's listing.
const launched = campaignIn('mobilizing');
const enroll = (actor: { id: string; role: string }, at = '2010-05-20T09:00:00+08:00') =>
  command('EnrollOrganization', at, actor, { orgId: 'o1', name: 'Org one', category: 'urban' });
const org = { orgId: 'o1', name: 'Org one', category: 'urban', secretary: null };

describe('EnrollOrganization (mutation survivors)', () => {
  it('lists the organization in the campaign stream and opens its own', async () => {
    await given(launched, options)
      .when(enroll(COMMITTEE))
      .then([
        { streamId: C, type: 'OrganizationRegistered', data: org },
        {
          streamId: orgStream('o1'),
          type: 'OrganizationEnrolled',
          data: { campaignId: 'zz', ...org },
        },
      ]);
  });
  it('is refused to another role, and at the campaign’s end', async () => {
    await given(launched, options)
      .when(enroll({ id: 'p1', role: 'public' }))
      .then(rejected('auth.role'));
    await given(launched, options)
      .when(enroll(COMMITTEE, ENDS_AT))
      .then(rejected('campaign.deadline'));
  });
});
