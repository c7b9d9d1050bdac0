import { given, invalid, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import {
  campaignIn,
  COMMITTEE,
  command,
  ev,
  options,
  orgEnrolled,
  orgStream,
  subjectUpTo,
} from '../testSupport/campaignFixtures.js';

// Mutation-testing survivors of startPublicNotice.ts and committeeSubjectJudgements.ts (issue #25):
// the cap on days, the verdicts recorded, the judgements made, and the deadline.
const O1 = orgStream('o1');
/** A commending campaign ending at `endsAt`: o1 nominated, evaluated by p0 and recommended by r1. */
const world = (endsAt = '2030-12-31T23:59:59+08:00'): GivenEvent[] => [
  ...campaignIn('commending', endsAt),
  orgEnrolled('o1'),
  ...subjectUpTo(O1, 'nominated'),
  ev(O1, 'RecommendationRecorded', { voterId: 'r1' }, '2010-12-02'),
];
const at = '2010-12-03T09:00:00+08:00';
const start = (days: number) =>
  command('StartPublicNotice', at, COMMITTEE, {
    subject: { kind: 'organization', id: 'o1' },
    days,
  });

describe('StartPublicNotice (mutation survivors)', () => {
  it('takes 3660 days, recording the merit verdicts, and refuses 3661', async () => {
    await given(world(), options)
      .when(start(3660))
      .then([
        {
          streamId: O1,
          type: 'PublicNoticeStarted',
          data: {
            days: 3660,
            startsAt: at,
            endsAt: '2020-12-10T09:00:00+08:00',
            verdicts: [
              { ruleId: 'notice.period', message: 'a notice of 3660 days, at least 7 required' },
              {
                ruleId: 'nomination.recommendation',
                message: '1 distinct recommenders for 1 evaluators, at least 50% (1) required',
              },
            ],
          },
        },
      ]);
    await given(world(), options).when(start(3661)).then(invalid('days'));
  });
  it('refuses a notice shorter than the policy’s minimum', async () => {
    await given(world(), options).when(start(6)).then(rejected('notice.period'));
  });
  it('is refused at the campaign’s end', async () => {
    await given(world(at), options).when(start(7)).then(rejected('campaign.deadline'));
  });
});
