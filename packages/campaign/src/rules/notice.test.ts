import { describe, expect, it } from 'vitest';
import type { Objection } from '../domain/SubjectContext.js';
import { commendationQuota } from './commendationQuota.js';
import { nominationRecommendation, recommendersNeeded } from './nominationRecommendation.js';
import { objectionIsNew, objectionIsOpen, objectionsCleared } from './noticeObjection.js';
import { noticeEnded, noticeLongEnough, withinNotice } from './noticePeriod.js';

describe('nomination.recommendation', () => {
  it('needs recommenders >= share x evaluators, exactly and inclusively', () => {
    expect(
      nominationRecommendation.judge({ recommenders: 6, evaluators: 12, recommendationShare: 0.5 })
        .holds,
    ).toBe(true);
    expect(
      nominationRecommendation.judge({ recommenders: 5, evaluators: 12, recommendationShare: 0.5 }),
    ).toEqual({
      ruleId: 'nomination.recommendation',
      holds: false,
      message: '5 distinct recommenders for 12 evaluators, at least 50% (6) required',
    });
    expect(
      nominationRecommendation.judge({ recommenders: 3, evaluators: 10, recommendationShare: 0.3 })
        .holds,
    ).toBe(true);
    expect(recommendersNeeded(11, 0.5)).toBe(6);
    expect(recommendersNeeded(10, 0.3)).toBe(3);
  });
});

describe('notice.period', () => {
  const notice = { startsAt: '2012-10-01T09:00:00+08:00', endsAt: '2012-10-08T09:00:00+08:00' };
  it('needs a notice of at least minNoticeDays', () => {
    expect(noticeLongEnough.judge({ days: 7, minNoticeDays: 7 }).holds).toBe(true);
    expect(noticeLongEnough.judge({ days: 5, minNoticeDays: 7 }).message).toBe(
      'a notice of 5 days, at least 7 required',
    );
  });
  it('takes objections in [start, end)', () => {
    expect(withinNotice.judge({ ...notice, at: notice.startsAt }).holds).toBe(true);
    expect(withinNotice.judge({ ...notice, at: '2012-10-08T09:00:00+08:00' }).holds).toBe(false);
    expect(withinNotice.judge({ ...notice, at: '2012-10-08T08:59:59+08:00' }).holds).toBe(true);
    expect(withinNotice.judge({ ...notice, at: '2012-09-30T09:00:00+08:00' }).message).toBe(
      'objections are filed from 2012-10-01T09:00:00+08:00 until before 2012-10-08T09:00:00+08:00; it is 2012-09-30T09:00:00+08:00',
    );
    expect(withinNotice.judge({ startsAt: null, endsAt: null, at: notice.startsAt }).holds).toBe(
      false,
    );
  });
  it('commends only once the notice has ended (at >= end)', () => {
    expect(noticeEnded.judge({ ...notice, at: notice.endsAt })).toEqual({
      ruleId: 'notice.period',
      holds: true,
      message:
        'the public notice from 2012-10-01T09:00:00+08:00 ended at 2012-10-08T09:00:00+08:00',
    });
    expect(noticeEnded.judge({ ...notice, at: '2012-10-08T08:59:59+08:00' }).message).toBe(
      'the public notice runs until 2012-10-08T09:00:00+08:00; it is 2012-10-08T08:59:59+08:00',
    );
  });
});

describe('notice.objection', () => {
  const filed = (objectionId: string, resolution: Objection['resolution']): Objection => ({
    objectionId,
    reason: 'r',
    filedBy: { id: 'p1', role: 'public' },
    at: '2012-10-02T09:00:00+08:00',
    resolution,
  });
  const dismissed = { upheld: false, finding: 'unfounded', at: '2012-10-05T09:00:00+08:00' };
  it('commends only when every objection is resolved and none upheld', () => {
    expect(objectionsCleared.judge({ objections: [] }).message).toBe(
      'no objection was filed during the notice',
    );
    expect(objectionsCleared.judge({ objections: [filed('ob1', dismissed)] }).message).toBe(
      '1 objection filed, all resolved, none upheld',
    );
    expect(
      objectionsCleared.judge({
        objections: [filed('ob1', null), filed('ob2', { ...dismissed, upheld: true })],
      }),
    ).toEqual({
      ruleId: 'notice.objection',
      holds: false,
      message: 'unresolved objection(s): ob1; upheld objection(s): ob2',
    });
  });
  it('files an objection id once and resolves only open objections', () => {
    expect(
      objectionIsNew.judge({ objectionId: 'ob2', objections: [filed('ob1', null)] }).holds,
    ).toBe(true);
    expect(
      objectionIsNew.judge({ objectionId: 'ob1', objections: [filed('ob1', null)] }).message,
    ).toBe('objection ob1 was already filed');
    expect(
      objectionIsOpen.judge({ objectionId: 'ob1', objections: [filed('ob1', null)] }).holds,
    ).toBe(true);
    expect(
      objectionIsOpen.judge({ objectionId: 'ob1', objections: [filed('ob1', dismissed)] }).message,
    ).toBe('objection ob1 was already resolved');
    expect(objectionIsOpen.judge({ objectionId: 'ob9', objections: [] }).message).toBe(
      'no objection ob9 was filed against this subject',
    );
  });
});

describe('commendation.quota', () => {
  it('passes without a quota', () => {
    expect(commendationQuota.judge({ quota: null, commended: 50, enrolled: 1 })).toEqual({
      ruleId: 'commendation.quota',
      holds: true,
      message: 'no commendation quota is set',
    });
  });
  it('keeps commended <= quota x enrolled, counting the one being commended', () => {
    expect(commendationQuota.judge({ quota: 0.2, commended: 1, enrolled: 10 }).holds).toBe(true);
    expect(commendationQuota.judge({ quota: 0.2, commended: 2, enrolled: 10 }).message).toBe(
      'commending would make 3 of 10 enrolled organizations commended, at most 20% allowed',
    );
    expect(commendationQuota.judge({ quota: 0.3, commended: 2, enrolled: 10 }).holds).toBe(true);
  });
});
