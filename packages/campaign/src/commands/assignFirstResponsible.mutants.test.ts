import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  C,
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  options,
  orgEnrolled,
  orgStream,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of assignFirstResponsible.ts (issue #25): its judgements, the deadline,
// and the two events it appends.
/** A mobilizing campaign: o1 enrolled without a secretary. */
const world: GivenEvent[] = [...campaignIn('mobilizing'), orgEnrolled('o1', null)];
const secretary = { id: 's1', name: 'Wang' };
const assign = (orgId: string, at = '2010-05-20T09:00:00+08:00') =>
  command('AssignFirstResponsible', at, COMMITTEE, { orgId, secretary });

describe('AssignFirstResponsible (mutation survivors)', () => {
  it('appends the change to the campaign and the organization', async () => {
    await given(world, options)
      .when(assign('o1'))
      .then([
        { streamId: C, type: 'OrganizationSecretaryChanged', data: { orgId: 'o1', secretary } },
        {
          streamId: orgStream('o1'),
          type: 'FirstResponsibleAssigned',
          data: { secretary, previous: null },
        },
      ]);
  });
  it('refuses an organization not enrolled, and at the campaign’s end', async () => {
    await given(world, options).when(assign('o9')).then(rejected('subject.state'));
    await given(world, options).when(assign('o1', ENDS_AT)).then(rejected('campaign.deadline'));
  });
});
