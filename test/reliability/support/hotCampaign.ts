import type { Command } from './campaignScript.js';

const committee = { id: 'cc', role: 'committee' };
const ORGS = ['o1', 'o2', 'o3', 'o4'];
const org = (id: string) => ({ kind: 'organization', id });
const day = (d: number, h = 9): string =>
  `2011-01-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`;
const ratings = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};
const pledge = {
  id: 'p',
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: '2012-01-01T00:00:00+08:00',
};

let n = 0;
const cmd = (
  type: string,
  at: string,
  fields: Record<string, unknown>,
  actor: object = committee,
) => ({
  type,
  id: `setup-${++n}`,
  at,
  actor,
  campaignId: 'hot',
  ...fields,
});

/**
 * Campaign `hot` in its evaluating phase, for `children/hotStreamWriter.js`: four committed
 * organizations o1-o4, o2-o4 evaluated once (by `p-setup`), a quota of 25% (one commendation) and one
 * evaluator enough for a nomination. Pure.
 */
export const hotCampaignSetup = (): Command[] => [
  cmd('LaunchCampaign', day(1), {
    title: 'hot',
    endsAt: '2012-12-31T23:59:59+08:00',
    objectives: ['o'],
    principles: ['p'],
  }),
  cmd('PublishImplementationOpinions', day(1, 10), {
    document: { title: 't', issuedBy: 'c' },
    policy: { commendationQuota: 0.25, minEvaluators: 1, recommendationShare: 0, minNoticeDays: 1 },
  }),
  ...ORGS.map((o) =>
    cmd('EnrollOrganization', day(2), {
      orgId: o,
      name: o,
      category: 'urban',
      secretary: { id: `s-${o}`, name: 's' },
    }),
  ),
  ...ORGS.map((o) =>
    cmd(
      'PublishCommitment',
      day(3),
      { subject: org(o), pledges: [pledge] },
      { id: `s-${o}`, role: 'secretary' },
    ),
  ),
  cmd('AdvancePhase', day(4), { to: 'committing' }),
  cmd('AdvancePhase', day(4, 10), { to: 'evaluating' }),
  ...ORGS.slice(1).map((o) =>
    cmd(
      'SubmitEvaluation',
      day(5),
      { subject: org(o), evaluatorId: 'p-setup', ratings },
      { id: 'p-setup', role: 'public' },
    ),
  ),
];

/** After the evaluation race: commending, o1-o4 nominated, their public notices over by day 10. Pure. */
export const hotCommendSetup = (): Command[] => [
  cmd('AdvancePhase', day(6), { to: 'commending' }),
  ...ORGS.map((o) => cmd('Nominate', day(7), { subject: org(o) })),
  ...ORGS.map((o) => cmd('StartPublicNotice', day(8), { subject: org(o), days: 1 })),
];
