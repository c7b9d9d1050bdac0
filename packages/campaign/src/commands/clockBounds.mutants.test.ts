import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, expect, it } from 'vitest';
import {
  advancedTo,
  C,
  COMMITTEE,
  command,
  ev,
  failureMessages,
  launched,
  options,
  orgEnrolled,
  secretaryOf,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of clockBounds.ts (issue #25): a campaign-level command is compared with
// the latest event of its campaign, not with whichever subject stream is read last, and both clocks
// say what they compared with.
/** A committing campaign (since June 1) listing o1, whose own stream is older (May 11). */
const world: GivenEvent[] = [
  launched(),
  ev(
    C,
    'OrganizationRegistered',
    { orgId: 'o1', name: 'o1', category: 'urban', secretary: secretaryOf('s-o1') },
    '2010-05-11',
  ),
  orgEnrolled('o1'),
  ...advancedTo('committing'),
];
const at = '2010-05-20T09:00:00+08:00';

describe('the clocks of campaign and subject commands (mutation survivors)', () => {
  it('compares a campaign-level command with the campaign’s latest event, not the subject read last', async () => {
    const result = await given(world, options)
      .when(command('AdvancePhase', at, COMMITTEE, { to: 'evaluating' }))
      .then(rejected('clock.monotonic'));
    expect(failureMessages(result)).toEqual([
      `at ${at} is earlier than the latest event of campaign zz (2010-06-01T09:00:00+08:00)`,
    ]);
  });
  it('names the campaign-level event a subject command is earlier than', async () => {
    const result = await given(world, options)
      .when(
        command(
          'RecordLeadershipReview',
          at,
          { id: 's-o1', role: 'secretary' },
          { orgId: 'o1', topics: ['t'] },
        ),
      )
      .then(rejected('clock.monotonic', 'subject.state'));
    expect(failureMessages(result)[0]).toBe(
      `at ${at} is earlier than the last campaign-level event of campaign zz (2010-06-01T09:00:00+08:00)`,
    );
  });
});
