import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { command, ENDS_AT, nine, options } from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of launchCampaign.ts (issue #25): its judgements.
describe('LaunchCampaign (mutation survivors)', () => {
  it('is refused to another role than the committee', async () => {
    await given([], options)
      .when(
        command(
          'LaunchCampaign',
          nine('2010-05-10'),
          { id: 'p1', role: 'public' },
          {
            title: 't',
            endsAt: ENDS_AT,
            objectives: ['o'],
            principles: ['p'],
          },
        ),
      )
      .then(rejected('auth.role'));
  });
});
