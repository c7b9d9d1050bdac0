import { given, rejected, type GivenEvent } from '@strive/engine/testing';
import { describe, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { campaignCommands } from './campaignCommands.js';

// Mutation-testing survivors of fileObjection.ts (issue #25): a member may object, the deadline, and a
// subject without a notice (no notice to read the times of).
const options = { commands: campaignCommands };
const O1 = 'subject-zz-organization-o1';
const ev = (streamId: string, type: string, data: GivenEvent['data'], at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at,
});
const phase = (from: string, to: string, at: string) =>
  ev('campaign-zz', 'PhaseAdvanced', { from, to }, `${at}T09:00:00+08:00`);
const enrolled = (orgId: string) =>
  ev(
    `subject-zz-organization-${orgId}`,
    'OrganizationEnrolled',
    {
      campaignId: 'zz',
      orgId,
      name: orgId,
      category: 'urban',
      secretary: { id: `s-${orgId}`, name: 's' },
    },
    '2010-05-11T09:00:00+08:00',
  );
const pledge = {
  id: 'p',
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: '2010-12-31T00:00:00+08:00',
};
const ratings = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};
/** A commending campaign ending at `endsAt`: o1 under notice from Dec 3 to Dec 10, o2 only enrolled. */
const world = (endsAt: string): GivenEvent[] => [
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
    '2010-05-10T09:00:00+08:00',
  ),
  enrolled('o1'),
  enrolled('o2'),
  phase('mobilizing', 'committing', '2010-06-01'),
  ev(
    O1,
    'CommitmentPublished',
    { pledges: [pledge], at: '2010-06-02T09:00:00+08:00' },
    '2010-06-02T09:00:00+08:00',
  ),
  phase('committing', 'evaluating', '2010-10-01'),
  ev(O1, 'EvaluationSubmitted', { evaluatorId: 'p0', ratings }, '2010-10-10T09:00:00+08:00'),
  phase('evaluating', 'commending', '2010-12-01'),
  ev(
    O1,
    'SubjectNominated',
    { at: '2010-12-02T09:00:00+08:00', verdicts: [] },
    '2010-12-02T09:00:00+08:00',
  ),
  ev(
    O1,
    'PublicNoticeStarted',
    {
      days: 7,
      startsAt: '2010-12-03T09:00:00+08:00',
      endsAt: '2010-12-10T09:00:00+08:00',
      verdicts: [],
    },
    '2010-12-03T09:00:00+08:00',
  ),
];
const at = '2010-12-08T09:00:00+08:00';
const object = (orgId: string, actor: { id: string; role: string }) => ({
  type: 'FileObjection',
  id: 'x-1',
  at,
  actor,
  campaignId: 'zz',
  subject: { kind: 'organization', id: orgId },
  objectionId: 'ob-1',
  reason: 'r',
});
const member = { id: 'm5', role: 'member' };

describe('FileObjection (mutation survivors)', () => {
  it('takes an objection from a member', async () => {
    await given(world('2012-12-31T23:59:59+08:00'), options)
      .when(object('o1', member))
      .then([
        {
          streamId: O1,
          type: 'ObjectionFiled',
          data: { objectionId: 'ob-1', reason: 'r', filedBy: member, at },
        },
      ]);
  });
  it('is refused at the campaign’s end, even within the notice', async () => {
    await given(world(at), options).when(object('o1', member)).then(rejected('campaign.deadline'));
  });
  it('refuses a subject that has no notice', async () => {
    await given(world('2012-12-31T23:59:59+08:00'), options)
      .when(object('o2', member))
      .then(rejected('subject.state', 'notice.period'));
  });
});
