import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  C,
  campaignIn,
  COMMITTEE,
  command,
  ev,
  nine,
  options,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of campaignJudgements.ts (issue #25): campaign.concluded is judged on the
// campaign's status.
const concluded = [
  ...campaignIn('mobilizing'),
  ev(
    C,
    'CampaignConcluded',
    { from: 'mobilizing', concludedAt: nine('2010-05-11'), reason: 'deadline' },
    '2010-05-11',
  ),
];

describe('campaign.concluded (mutation survivors)', () => {
  it('refuses a command of a concluded campaign', async () => {
    await given(concluded, options)
      .when(
        command('EstablishLeadingGroup', nine('2010-05-12'), COMMITTEE, {
          members: [{ id: 'g', name: 'n', title: 't' }],
        }),
      )
      .then(rejected('campaign.concluded'));
  });
});
