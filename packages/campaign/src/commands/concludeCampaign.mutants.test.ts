import { given } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  C,
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  options,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of concludeCampaign.ts (issue #25): the reason it records. (Its guard
// `status === 'unlaunched' || status === 'concluded'` is only reached once phase.window and
// campaign.concluded have passed, so no status makes its mutants observable: equivalent.)
const conclude = (at: string) => command('ConcludeCampaign', at, COMMITTEE, {});
const concluded = (from: string, concludedAt: string, reason: string) => [
  { streamId: C, type: 'CampaignConcluded', data: { from, concludedAt, reason } },
];

describe('ConcludeCampaign (mutation survivors)', () => {
  it('records a campaign concluded from commending as completed', async () => {
    const at = '2011-01-15T09:00:00+08:00';
    await given(campaignIn('commending'), options)
      .when(conclude(at))
      .then(concluded('commending', at, 'completed'));
  });
  it('records a campaign concluded from another phase at its end as ended by the deadline', async () => {
    await given(campaignIn('evaluating'), options)
      .when(conclude(ENDS_AT))
      .then(concluded('evaluating', ENDS_AT, 'deadline'));
  });
});
