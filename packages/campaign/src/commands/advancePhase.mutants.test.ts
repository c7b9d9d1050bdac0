import { given, rejected } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  options,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of advancePhase.ts (issue #25): the deadline. (Its guard
// `status === 'unlaunched' || status === 'concluded'` is only reached once phase.window and
// campaign.concluded have passed, so no status makes its mutants observable: equivalent.)
describe('AdvancePhase (mutation survivors)', () => {
  it('is refused at the campaign’s end', async () => {
    await given(campaignIn('mobilizing'), options)
      .when(command('AdvancePhase', ENDS_AT, COMMITTEE, { to: 'committing' }))
      .then(rejected('campaign.deadline'));
  });
});
