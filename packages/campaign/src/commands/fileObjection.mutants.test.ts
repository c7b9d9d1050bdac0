import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  campaignIn,
  command,
  ENDS_AT,
  options,
  orgEnrolled,
  orgStream,
  subjectUpTo,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of fileObjection.ts (issue #25): a member may object, the deadline, and a
// subject without a notice (no notice to read the times of).
/** A commending campaign ending at `endsAt`: o1 under notice from Dec 3 to Dec 10, o2 only enrolled. */
const world = (endsAt = ENDS_AT): GivenEvent[] => [
  ...campaignIn('commending', endsAt),
  orgEnrolled('o1'),
  orgEnrolled('o2'),
  ...subjectUpTo(orgStream('o1'), 'under-notice'),
];
const at = '2010-12-08T09:00:00+08:00';
const member = { id: 'm5', role: 'member' };
const object = (orgId: string) =>
  command('FileObjection', at, member, {
    subject: { kind: 'organization', id: orgId },
    objectionId: 'ob-1',
    reason: 'r',
  });

describe('FileObjection (mutation survivors)', () => {
  it('takes an objection from a member', async () => {
    await given(world(), options)
      .when(object('o1'))
      .then([
        {
          streamId: orgStream('o1'),
          type: 'ObjectionFiled',
          data: { objectionId: 'ob-1', reason: 'r', filedBy: member, at },
        },
      ]);
  });
  it('is refused at the campaign’s end, even within the notice', async () => {
    await given(world(at), options).when(object('o1')).then(rejected('campaign.deadline'));
  });
  it('refuses a subject that has no notice', async () => {
    await given(world(), options)
      .when(object('o2'))
      .then(rejected('subject.state', 'notice.period'));
  });
});
