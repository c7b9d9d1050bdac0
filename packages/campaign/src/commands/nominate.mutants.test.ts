import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of nominate.ts and commend.ts (issue #25): a member is judged on
// member.discipline, where an organization is judged on review.regular (nominate) or the quota (commend).
const options = { commands: campaignCommands };
const M1 = 'subject-zz-member-m1';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at: `${at}T09:00:00+08:00`,
});
const phase = (from: string, to: string, at: string) =>
  ev('campaign-zz', 'PhaseAdvanced', { from, to }, at);
const endsAt = '2012-12-31T23:59:59+08:00';
const ratings = {
  learning: 'good',
  dedication: 'good',
  service: 'good',
  lawAbiding: 'good',
  integrity: 'good',
};
const pledge = {
  id: 'p',
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: endsAt,
};
/** A commending campaign: member m1 committed, evaluated once, with a disciplinary violation. */
const evaluated: GivenEvent[] = [
  ev(
    'campaign-zz',
    'CampaignLaunched',
    {
      campaignId: 'zz',
      title: 't',
      endsAt,
      objectives: ['o'],
      principles: ['p'],
      policy: DEFAULT_POLICY,
    },
    '2010-05-10',
  ),
  ev(
    M1,
    'MemberEnrolled',
    { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
    '2010-05-12',
  ),
  phase('mobilizing', 'committing', '2010-06-01'),
  ev(
    M1,
    'CommitmentPublished',
    { pledges: [pledge], at: '2010-06-02T09:00:00+08:00' },
    '2010-06-02',
  ),
  phase('committing', 'evaluating', '2010-10-01'),
  ev(M1, 'EvaluationSubmitted', { evaluatorId: 'p0', ratings }, '2010-10-10'),
  ev(
    M1,
    'DisciplinaryViolationRecorded',
    { description: 'd', at: '2010-10-11T09:00:00+08:00' },
    '2010-10-11',
  ),
  phase('evaluating', 'commending', '2010-12-01'),
];
const underNotice: GivenEvent[] = [
  ...evaluated,
  ev(M1, 'SubjectNominated', { at: '2010-12-02T09:00:00+08:00', verdicts: [] }, '2010-12-02'),
  ev(
    M1,
    'PublicNoticeStarted',
    {
      days: 7,
      startsAt: '2010-12-03T09:00:00+08:00',
      endsAt: '2010-12-10T09:00:00+08:00',
      verdicts: [],
    },
    '2010-12-03',
  ),
];
const command = (type: string, at: string) => ({
  type,
  id: 'x-1',
  at,
  actor: { id: 'cc', role: 'committee' },
  campaignId: 'zz',
  subject: { kind: 'member', id: 'm1' },
});

describe('a member’s merit (mutation survivors of Nominate and Commend)', () => {
  it('Nominate judges a member on member.discipline, not review.regular', async () => {
    await given(evaluated, options)
      .when(command('Nominate', '2010-12-02T09:00:00+08:00'))
      .then(rejected('evaluation.quorum', 'member.discipline'));
  });
  it('Commend judges a member on member.discipline, not the organizations’ quota', async () => {
    await given(underNotice, options)
      .when(command('Commend', '2011-01-15T09:00:00+08:00'))
      .then(rejected('member.discipline'));
  });
});
