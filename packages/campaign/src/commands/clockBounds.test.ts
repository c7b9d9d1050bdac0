import type { WorkflowState } from '@strive/engine';
import { describe, expect, it } from 'vitest';
import { initialCampaignContext, type CampaignContext } from '../domain/CampaignContext.js';
import { initialSubjectContext, type SubjectContext } from '../domain/SubjectContext.js';
import { campaignClock, subjectClock } from './clockBounds.js';

// The times clock.monotonic compares a command's time with, and how its message names them.
const T0 = '2010-06-01T09:00:00+08:00';
const T1 = '2010-06-02T09:00:00+08:00';
const T2 = '2010-06-03T09:00:00+08:00';
const campaign = (
  latestAt: string | null,
  lastAt: string | null,
): WorkflowState<CampaignContext> => ({
  value: 'evaluating',
  context: { ...initialCampaignContext, latestAt, campaignLevelAt: T0 },
  version: 3,
  lastAt,
});
const subject = (lastAt: string | null): WorkflowState<SubjectContext> => ({
  value: 'enrolled',
  context: initialSubjectContext,
  version: 1,
  lastAt,
});

describe('campaignClock', () => {
  it('is the latest time of the campaign and its subjects, naming the subject it comes from', () => {
    const states = {
      campaign: campaign(T0, T0),
      'organization:o1': subject(T1),
      'member:m1': { value: 'head', context: null, version: 3, lastAt: T2 },
      'organization:o2': subject(null),
    };
    expect(campaignClock('zz', states)).toEqual([
      { of: 'the latest event of campaign zz (member m1)', lastAt: T2 },
    ]);
  });

  it("names no subject when the campaign's own time is the latest", () => {
    expect(
      campaignClock('zz', { campaign: campaign(T0, T0), 'organization:o1': subject(T0) }),
    ).toEqual([{ of: 'the latest event of campaign zz', lastAt: T0 }]);
    expect(campaignClock('zz', { campaign: campaign(T0, T1) })).toEqual([
      { of: 'the latest event of campaign zz', lastAt: T1 },
    ]);
  });
});

describe('subjectClock', () => {
  it("is the campaign's last campaign-level time and the subject's own last time", () => {
    const cmd = { campaignId: 'zz', subject: { kind: 'member', id: 'm1' } } as const;
    expect(subjectClock(cmd, campaign(T2, T2), subject(T1))).toEqual([
      { of: 'the last campaign-level event of campaign zz', lastAt: T0 },
      { of: 'the last event of member m1', lastAt: T1 },
    ]);
  });
});
