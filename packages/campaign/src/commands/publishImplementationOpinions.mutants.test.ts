import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  options,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of publishImplementationOpinions.ts (issue #25): the deadline.
describe('PublishImplementationOpinions (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    await given(campaignIn('mobilizing'), options)
      .when(
        command('PublishImplementationOpinions', ENDS_AT, COMMITTEE, {
          document: { title: 't', issuedBy: 'c' },
        }),
      )
      .then(rejected('campaign.deadline'));
  });
});
