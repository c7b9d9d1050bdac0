import { given, invalid, rejected, type JsonLiteral } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  C,
  campaignIn,
  COMMITTEE,
  command,
  ENDS_AT,
  options,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of establishLeadingGroup.ts (issue #25): the members refinement, the
// deadline and the appended event.
const launched = campaignIn('mobilizing');
const member = (id: string) => ({ id, name: `n-${id}`, title: 't' });
const members = (n: number) => Array.from({ length: n }, (_, i) => member(`g${i}`));
const establish = (ms: readonly JsonLiteral[], at = '2010-05-11T09:00:00+08:00') =>
  command('EstablishLeadingGroup', at, COMMITTEE, { members: ms });
const established = (ms: readonly JsonLiteral[]) => [
  { streamId: C, type: 'LeadingGroupEstablished', data: { members: ms } },
];

describe('EstablishLeadingGroup (mutation survivors)', () => {
  it('appends the group it was given, two members with distinct ids included', async () => {
    const two = [member('a'), member('b')];
    await given(launched, options).when(establish(two)).then(established(two));
  });
  it('takes 200 members and refuses 201', async () => {
    await given(launched, options)
      .when(establish(members(200)))
      .then(established(members(200)));
    await given(launched, options)
      .when(establish(members(201)))
      .then(invalid('members'));
  });
  it('refuses an empty group and a group listing one id twice', async () => {
    await given(launched, options).when(establish([])).then(invalid('members'));
    await given(launched, options)
      .when(establish([member('a'), { ...member('a'), name: 'other' }]))
      .then(invalid('members'));
  });
  it('is refused at the campaign’s end (campaign.deadline)', async () => {
    await given(launched, options)
      .when(establish([member('a')], ENDS_AT))
      .then(rejected('campaign.deadline'));
  });
});
