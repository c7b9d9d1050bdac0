// Writes zhengzhou-2010.commands.jsonl (the commands, one per line) and zhengzhou-2010.expected.json
// (what each line must produce) from the story of the Zhengzhou mobilization meeting of 2010-05-10.
// Run: node examples/data/generate-zhengzhou-2010.js   (deterministic: same output every run)
// Every refused line says here, next to it, which rule refuses it and why.
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const campaignId = 'zz2010';
const committee = { id: 'zz-committee', role: 'committee' };
const pub = (n) => ({ id: `p${String(n).padStart(3, '0')}`, role: 'public' });
const sec = (org) => ({ id: `s-${org}`, role: 'secretary' });
const member = (id) => ({ id, role: 'member' });
const at = (day, hh = 9, mm = 0) =>
  `${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`;

const lines = [];
const expected = [];
let n = 0;
/** Adds a command; `expect` is 'accepted', 'duplicate', 'invalid' or the list of rule ids that refuse it. */
const add = (type, time, actor, fields, expect = 'accepted', why = '') => {
  n += 1;
  const id = fields.id ?? `c${String(n).padStart(3, '0')}`;
  const { id: _ignored, ...rest } = fields;
  lines.push({ type, id, at: time, actor, campaignId, ...rest });
  expected.push({ line: n, id, type, expect, ...(why ? { why } : {}) });
};
/** Sends the previous line again, unchanged. */
const resend = (why) => {
  const last = lines.at(-1);
  n += 1;
  lines.push({ ...last });
  expected.push({ line: n, id: last.id, type: last.type, expect: 'duplicate', why });
};
const org = (id) => ({ kind: 'organization', id });
const mem = (id) => ({ kind: 'member', id });
const orgGrades = (g) => ({
  leadershipTeam: g[0],
  memberTeam: g[1],
  workMechanism: g[2],
  workPerformance: g[3],
  publicFeedback: g[4],
});
const memberGrades = (g) => ({
  learning: g[0],
  dedication: g[1],
  service: g[2],
  lawAbiding: g[3],
  integrity: g[4],
});
const G = { e: 'excellent', g: 'good', f: 'fair', p: 'poor' };
const grades = (s) => [...s].map((c) => G[c]);

// --- Mobilization meeting, 10 May 2010 -----------------------------------------------------------
add('LaunchCampaign', at('2010-05-10'), committee, {
  title: 'Create advanced base-level organizations, strive to be excellent members',
  endsAt: '2012-12-31T23:59:59+08:00',
  objectives: [
    'promote scientific development',
    'promote social harmony',
    'serve the people',
    'strengthen base-level organizations',
  ],
  principles: [
    'serve the central tasks',
    'be practical and seek real results',
    'reform and innovate',
    'link city and countryside',
  ],
});
add(
  'LaunchCampaign',
  at('2010-05-10', 9, 5),
  committee,
  { title: 'Again', endsAt: '2012-12-31T23:59:59+08:00', objectives: ['x'], principles: ['y'] },
  ['phase.window'],
  'a campaign is launched once',
);
add(
  'PublishImplementationOpinions',
  at('2010-05-10', 9, 10),
  sec('o1'),
  { document: { title: 'Implementation Opinions', issuedBy: 'a secretary' } },
  ['auth.role'],
  'only the committee issues the implementation opinions',
);
add('PublishImplementationOpinions', at('2010-05-10', 9, 30), committee, {
  document: {
    title:
      'Implementation Opinions on Creating Advanced Base-level Organizations and Striving to Be Excellent Members',
    issuedBy: 'Zhengzhou Municipal Committee',
  },
  policy: { commendationQuota: 0.25 },
});
add(
  'EstablishLeadingGroup',
  at('2010-05-10', 9, 40),
  committee,
  { members: [] },
  'invalid',
  'a leading group has at least one member',
);
add('EstablishLeadingGroup', at('2010-05-10', 9, 45), committee, {
  members: [
    { id: 'lg-1', name: 'Deputy Secretary of the City Committee', title: 'group leader' },
    { id: 'lg-2', name: 'Head of the Organization Department', title: 'deputy group leader' },
    { id: 'lg-3', name: 'Director of the Campaign Office', title: 'member' },
  ],
});
const orgs = [
  ['o1', 'Jianshe Road Subdistrict Committee', 'urban', 'Li Ming'],
  ['o2', 'Liuzhai Village Committee', 'rural', 'Zhang Wei'],
  ['o3', 'Zhengzhou No. 3 Cotton Mill', 'enterprise', 'Wang Fang'],
  ['o4', 'Municipal Water Supply Bureau', 'institution', 'Zhao Lei'],
  ['o5', 'Zhengzhou No. 7 Middle School', 'school', 'Chen Jing'],
  ['o6', 'Weilai Road Community', 'community', null],
  ['o7', 'Xiaoli Village Committee', 'rural', 'Sun Hao'],
  ['o8', 'Huayuan Road Community', 'community', 'Zhou Yan'],
];
orgs.forEach(([orgId, name, category, secretary], i) =>
  add('EnrollOrganization', at('2010-05-11', 9, i * 5), committee, {
    orgId,
    name,
    category,
    ...(secretary ? { secretary: { id: `s-${orgId}`, name: secretary } } : {}),
  }),
);
add(
  'EnrollOrganization',
  at('2010-05-11', 10),
  committee,
  { orgId: 'o1', name: 'Jianshe Road Subdistrict Committee', category: 'urban' },
  ['subject.state'],
  'o1 is already enrolled',
);
add(
  'EnrollOrganization',
  at('2010-05-09'),
  committee,
  { orgId: 'o9', name: 'Backdated Street', category: 'urban' },
  ['clock.monotonic'],
  'dated before the events already in the campaign stream',
);
add('EnrollMember', at('2010-05-12'), committee, { memberId: 'm-li', orgId: 'o1', name: 'Li Hua' });
add('EnrollMember', at('2010-05-12', 9, 10), sec('o1'), {
  memberId: 'm-chen',
  orgId: 'o1',
  name: 'Chen Gang',
});
add(
  'EnrollMember',
  at('2010-05-12', 9, 20),
  sec('o1'),
  { memberId: 'm-zhang', orgId: 'o2', name: 'Zhang Min' },
  ['auth.secretary'],
  "o1's secretary cannot enroll members of o2",
);
add('EnrollMember', at('2010-05-12', 9, 30), sec('o2'), {
  memberId: 'm-zhang',
  orgId: 'o2',
  name: 'Zhang Min',
});
add('EnrollMember', at('2010-05-12', 9, 40), sec('o2'), {
  memberId: 'm-wang',
  orgId: 'o2',
  name: 'Wang Qiang',
});
add(
  'AdvancePhase',
  at('2010-05-20'),
  committee,
  { to: 'evaluating' },
  ['phase.window'],
  'phases are not skipped',
);
add('AdvancePhase', at('2010-06-01'), committee, { to: 'committing' });

// --- Commitments made public, June 2010 -------------------------------------------------------------
const pledge = (id, text, centralTask, metric, value, unit, due) => ({
  id,
  text,
  centralTask,
  target: { metric, value, ...(unit ? { unit } : {}) },
  due,
});
const commit = (who, day, pledges, expect, why, id) =>
  add(
    'PublishCommitment',
    at(day),
    who.kind === 'organization' ? sec(who.id) : member(who.id),
    { ...(id ? { id } : {}), subject: who, pledges },
    expect,
    why,
  );
commit(org('o1'), '2010-06-02', [
  pledge(
    'o1-p1',
    'Open a one-stop service hall for residents',
    'serve the people',
    'service hall opened',
    1,
    null,
    '2010-12-31T00:00:00+08:00',
  ),
  pledge(
    'o1-p2',
    'Resolve neighbourhood disputes within 15 days',
    'promote social harmony',
    'disputes resolved',
    95,
    '%',
    '2011-12-31T00:00:00+08:00',
  ),
]);
commit(org('o2'), '2010-06-03', [
  pledge(
    'o2-p1',
    'Harden the village road to the county highway',
    'link city and countryside',
    'road paved',
    4.5,
    'km',
    '2011-06-30T00:00:00+08:00',
  ),
]);
commit(org('o3'), '2010-06-04', [
  pledge(
    'o3-p1',
    'Cut energy use per tonne of yarn',
    'promote scientific development',
    'energy saving',
    8,
    '%',
    '2011-12-31T00:00:00+08:00',
  ),
]);
commit(org('o4'), '2010-06-05', [
  pledge(
    'o4-p1',
    'Connect 3,000 more households to piped water',
    'serve the people',
    'households',
    3000,
    null,
    '2011-12-31T00:00:00+08:00',
  ),
]);
commit(org('o5'), '2010-06-06', [
  pledge(
    'o5-p1',
    'Pair every teacher who is a member with two struggling pupils',
    'serve the people',
    'pupils supported',
    120,
    null,
    '2011-07-01T00:00:00+08:00',
  ),
]);
commit(
  org('o6'),
  '2010-06-07',
  [
    pledge(
      'o6-p1',
      'Set up a volunteer team for elderly residents',
      'promote social harmony',
      'volunteers',
      50,
      null,
      '2011-06-30T00:00:00+08:00',
    ),
  ],
  ['auth.secretary', 'commitment.first-responsible'],
  'o6 has no secretary yet: nobody can speak for it',
  'c-o6-commit',
);
add('AssignFirstResponsible', at('2010-06-08'), committee, {
  orgId: 'o6',
  secretary: { id: 's-o6', name: 'Huang Li' },
});
commit(
  org('o6'),
  '2010-06-09',
  [
    pledge(
      'o6-p1',
      'Set up a volunteer team for elderly residents',
      'promote social harmony',
      'volunteers',
      50,
      null,
      '2011-06-30T00:00:00+08:00',
    ),
  ],
  'accepted',
  'the refused line c-o6-commit left no trace, so its id is decided anew',
  'c-o6-commit',
);
commit(
  org('o7'),
  '2010-06-10',
  [
    pledge(
      'o7-p1',
      'Do better in every respect',
      '',
      'improvement',
      0,
      null,
      '2013-06-30T00:00:00+08:00',
    ),
  ],
  ['commitment.concrete'],
  'an empty, vague pledge (no central task, no positive target, due after the campaign)',
  'c-o7-commit',
);
commit(
  org('o7'),
  '2010-06-11',
  [
    pledge(
      'o7-p1',
      'Build a village cultural square',
      'promote social harmony',
      'square built',
      1,
      null,
      '2011-05-01T00:00:00+08:00',
    ),
  ],
  'accepted',
  '',
  'c-o7-commit',
);
commit(mem('m-li'), '2010-06-12', [
  pledge(
    'li-p1',
    'Teach a weekly evening class on the new policies',
    'serve the people',
    'classes held',
    40,
    null,
    '2011-06-30T00:00:00+08:00',
  ),
]);
resend(
  'the line above sent again: accepted before, so answered as a duplicate and nothing is appended',
);
commit(mem('m-chen'), '2010-06-13', [
  pledge(
    'chen-p1',
    'Visit every household of my block twice a year',
    'serve the people',
    'visits',
    2,
    'per household',
    '2011-06-30T00:00:00+08:00',
  ),
]);
add(
  'PublishCommitment',
  at('2010-06-13', 10),
  member('m-chen'),
  {
    subject: mem('m-zhang'),
    pledges: [pledge('z-p1', 'x', 'y', 'z', 1, null, '2011-01-01T00:00:00+08:00')],
  },
  ['auth.secretary'],
  "a member's pledge comes from that member",
);
commit(mem('m-zhang'), '2010-06-14', [
  pledge(
    'zhang-p1',
    'Run the village seed cooperative accounts openly',
    'serve the people',
    'monthly reports',
    12,
    null,
    '2011-06-30T00:00:00+08:00',
  ),
]);
commit(mem('m-wang'), '2010-06-15', [
  pledge(
    'wang-p1',
    'Train 30 farmers in greenhouse growing',
    'promote scientific development',
    'farmers trained',
    30,
    null,
    '2011-06-30T00:00:00+08:00',
  ),
]);
commit(
  org('o8'),
  '2010-06-16',
  [],
  ['commitment.concrete'],
  'a commitment without pledges is empty',
);

// --- Leadership reviews by each secretary, the "first responsible person" ----------------------------
const review = (orgId, day, topics, expect, why, actor = sec(orgId)) =>
  add('RecordLeadershipReview', at(day, 15), actor, { orgId, topics }, expect, why);
review('o7', '2010-07-15', ['square construction']);
for (const o of ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'])
  review(o, '2010-08-20', [
    'progress on the public commitments',
    'opinions gathered from residents',
  ]);

// --- Public evaluation, from October 2010 -----------------------------------------------------------
add(
  'SubmitEvaluation',
  at('2010-09-01'),
  pub(1),
  { subject: org('o1'), evaluatorId: 'p001', ratings: orgGrades(grades('eeeee')) },
  ['phase.window'],
  'evaluation opens in the evaluating phase',
);
add('AdvancePhase', at('2010-10-08'), committee, { to: 'evaluating' });
let evaluator = 0;
const evaluate = (subject, patterns, day) =>
  patterns.forEach((p, i) => {
    evaluator += 1;
    const who = pub(evaluator);
    const ratings =
      subject.kind === 'organization' ? orgGrades(grades(p)) : memberGrades(grades(p));
    add('SubmitEvaluation', at(day, 9 + Math.floor(i / 6), (i % 6) * 10), who, {
      subject,
      evaluatorId: who.id,
      ratings,
    });
  });
evaluate(
  org('o1'),
  [
    'eeeee',
    'eegee',
    'geeeg',
    'ggggg',
    'eeeeg',
    'egfge',
    'eeggg',
    'geegg',
    'ggege',
    'eeeee',
    'ggggf',
    'eegge',
  ],
  '2010-10-10',
);
evaluate(
  org('o2'),
  [
    'ggggg',
    'egggg',
    'geegg',
    'ggegg',
    'ggfgg',
    'eeggg',
    'ggggg',
    'gegeg',
    'ggggg',
    'egegg',
    'ggggp',
    'eeeee',
  ],
  '2010-10-11',
);
evaluate(
  org('o3'),
  ['eeeee', 'ggggg', 'egegg', 'ggggg', 'eeggg', 'ggege', 'gggge', 'egggg', 'ggggg', 'geggf'],
  '2010-10-12',
);
evaluate(org('o4'), ['eeeee', 'ggggg', 'egegg', 'ggggg', 'eeggg', 'ggege', 'gggge'], '2010-10-13');
evaluate(
  org('o5'),
  ['ggfff', 'fgfgp', 'gfffg', 'ggfgf', 'pfggf', 'ffggg', 'gffgf', 'ggggg', 'fgfgf', 'gfgfg'],
  '2010-10-14',
);
evaluate(
  org('o6'),
  ['ggggg', 'eeeee', 'ggggg', 'egegg', 'ggggg', 'eeggg', 'gggge', 'ggggg', 'egggg', 'ggegg'],
  '2010-10-15',
);
evaluate(
  org('o7'),
  ['eeeee', 'ggggg', 'eeggg', 'ggggg', 'geggg', 'ggggg', 'egggg', 'ggegg', 'ggggg', 'eeeee'],
  '2010-10-16',
);
evaluate(
  mem('m-li'),
  ['eeeee', 'eeeeg', 'ggggg', 'eegge', 'geeee', 'ggggg', 'eeeee', 'egege', 'ggggg', 'eeeee'],
  '2010-10-17',
);
evaluate(
  mem('m-zhang'),
  ['ggggg', 'eeeee', 'ggggg', 'egegg', 'ggggg', 'eeggg', 'gggge', 'ggggg', 'egggg', 'ggegg'],
  '2010-10-18',
);
evaluate(
  mem('m-wang'),
  ['ggggg', 'eeeee', 'ggggg', 'egegg', 'ggggg', 'eeggg', 'gggge', 'ggggg', 'egggg', 'ggegg'],
  '2010-10-19',
);
add(
  'SubmitEvaluation',
  at('2010-10-20'),
  pub(1),
  { subject: org('o1'), evaluatorId: 'p001', ratings: orgGrades(grades('eeeee')) },
  ['evaluation.one-vote'],
  'p001 already evaluated o1',
);
add(
  'SubmitEvaluation',
  at('2010-10-20', 10),
  { id: 's-o1', role: 'public' },
  { subject: org('o1'), evaluatorId: 's-o1', ratings: orgGrades(grades('eeeee')) },
  ['evaluation.independence'],
  "o1's own secretary cannot evaluate it",
);
add(
  'SubmitEvaluation',
  at('2010-10-20', 11),
  { id: 'm-chen', role: 'public' },
  { subject: org('o1'), evaluatorId: 'm-chen', ratings: orgGrades(grades('eeeee')) },
  ['evaluation.independence'],
  'm-chen is an enrolled member of o1',
);
add(
  'SubmitEvaluation',
  at('2010-10-20', 12),
  { id: 's-o2', role: 'public' },
  { subject: mem('m-zhang'), evaluatorId: 's-o2', ratings: memberGrades(grades('eeeee')) },
  ['evaluation.independence'],
  "m-zhang's organization secretary cannot evaluate her",
);
add(
  'SubmitEvaluation',
  at('2010-10-20', 13),
  pub(99),
  { subject: org('o2'), evaluatorId: 'p098', ratings: orgGrades(grades('eeeee')) },
  ['auth.role'],
  'p099 cannot evaluate in the name of p098',
);
add(
  'SubmitEvaluation',
  at('2010-10-20', 14),
  pub(99),
  { subject: org('o8'), evaluatorId: 'p099', ratings: orgGrades(grades('eeeee')) },
  ['subject.state'],
  'o8 never published a commitment, so it is not up for evaluation',
);
add(
  'SubmitEvaluation',
  at('2010-10-20', 15),
  pub(99),
  { subject: org('o2'), evaluatorId: 'p099', ratings: memberGrades(grades('eeeee')) },
  'invalid',
  'an organization is rated on the five goods, not on the five exemplary ways',
);
for (const o of ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'])
  review(o, '2010-11-05', ['evaluation preparations', 'rectifying weak points']);
review(
  'o1',
  '2010-11-06',
  ['borrowed authority'],
  ['auth.secretary'],
  "only o1's current secretary records its reviews",
  sec('o2'),
);
add('RecordDisciplinaryViolation', at('2010-11-20'), committee, {
  memberId: 'm-zhang',
  description: 'accepted gifts from a contractor of the cooperative',
});
add(
  'ConcludeCampaign',
  at('2010-12-01'),
  committee,
  {},
  ['phase.window'],
  'a campaign concludes from commending, or once its end has come',
);
add(
  'Nominate',
  at('2010-12-10'),
  committee,
  { subject: org('o1') },
  ['phase.window'],
  'nominations open in the commending phase',
);
review('o1', '2010-12-15', ['year-end review']);
review('o2', '2010-12-15', ['year-end review']);
review('o3', '2010-12-16', ['year-end review']);
add('AdvancePhase', at('2010-12-20'), committee, { to: 'commending' });

// --- Selection with public recommendation, under public supervision ---------------------------------
const nominateLine = (subject, day, expect = 'accepted', why = '') =>
  add('Nominate', at(day), committee, { subject }, expect, why);
nominateLine(org('o1'), '2010-12-21');
nominateLine(org('o2'), '2010-12-21');
nominateLine(org('o3'), '2010-12-21');
nominateLine(org('o6'), '2010-12-21');
nominateLine(mem('m-li'), '2010-12-21');
nominateLine(mem('m-wang'), '2010-12-21');
nominateLine(
  org('o4'),
  '2010-12-22',
  ['evaluation.quorum'],
  'only 7 distinct evaluators, at least 10 required',
);
nominateLine(
  org('o5'),
  '2010-12-22',
  ['evaluation.threshold'],
  'too few excellent or good ratings',
);
nominateLine(
  org('o7'),
  '2010-12-22',
  ['review.regular'],
  'no leadership review between 2010-07-15 and the nomination',
);
nominateLine(
  mem('m-zhang'),
  '2010-12-22',
  ['member.discipline'],
  'a recorded disciplinary violation',
);
nominateLine(
  org('o8'),
  '2010-12-22',
  ['subject.state', 'evaluation.quorum', 'evaluation.threshold', 'review.regular'],
  'o8 never committed nor was evaluated: every rule that fails is listed',
);
let voter = 200;
const recommend = (subject, count, day) => {
  for (let i = 0; i < count; i++) {
    voter += 1;
    add('Recommend', at(day, 9 + Math.floor(i / 6), (i % 6) * 10), pub(voter), { subject });
  }
};
recommend(org('o1'), 7, '2010-12-23');
recommend(org('o2'), 4, '2010-12-24');
recommend(org('o3'), 5, '2010-12-25');
recommend(org('o6'), 5, '2010-12-26');
recommend(mem('m-li'), 5, '2010-12-27');
recommend(mem('m-wang'), 6, '2010-12-28');
add(
  'Recommend',
  at('2010-12-29'),
  pub(201),
  { subject: org('o1') },
  ['evaluation.one-vote'],
  'p201 already recommended o1',
);
add(
  'Recommend',
  at('2010-12-29', 10),
  { id: 's-o1', role: 'public' },
  { subject: org('o1') },
  ['evaluation.independence'],
  'a secretary cannot recommend their own organization',
);
const notice = (subject, day, days, expect = 'accepted', why = '') =>
  add('StartPublicNotice', at(day), committee, { subject, days }, expect, why);
notice(
  org('o2'),
  '2011-01-04',
  7,
  ['nomination.recommendation'],
  '4 recommenders for 12 evaluators, at least 6 required',
);
recommend(org('o2'), 2, '2011-01-04');
notice(org('o3'), '2011-01-04', 5, ['notice.period'], 'a notice lasts at least 7 days');
notice(org('o1'), '2011-01-05', 7);
notice(org('o2'), '2011-01-05', 7);
notice(org('o3'), '2011-01-05', 7);
notice(org('o6'), '2011-01-05', 7);
notice(mem('m-li'), '2011-01-05', 7);
notice(mem('m-wang'), '2011-01-05', 7);
const object = (subject, objectionId, reason, day, who, expect = 'accepted', why = '') =>
  add('FileObjection', at(day), who, { subject, objectionId, reason }, expect, why);
object(org('o1'), 'ob-1', 'the service hall is closed at weekends', '2011-01-06', pub(300));
object(
  org('o6'),
  'ob-2',
  'the volunteer team exists only on paper',
  '2011-01-07',
  member('m-chen'),
);
add(
  'Commend',
  at('2011-01-10'),
  committee,
  { subject: org('o1') },
  ['notice.period', 'notice.objection'],
  'the notice runs until 2011-01-12 09:00 and ob-1 is still open',
);
add(
  'ResolveObjection',
  at('2011-01-10', 10),
  committee,
  { subject: org('o1'), objectionId: 'ob-9', upheld: false, finding: 'n/a' },
  ['notice.objection'],
  'no objection ob-9 was filed',
);
add('ResolveObjection', at('2011-01-11'), committee, {
  subject: org('o1'),
  objectionId: 'ob-1',
  upheld: false,
  finding: 'the hall opens on Saturdays since June; verified on site',
});
add('ResolveObjection', at('2011-01-11', 10), committee, {
  subject: org('o6'),
  objectionId: 'ob-2',
  upheld: true,
  finding: 'the team met once; the commitment was not kept',
});
add('RecordDisciplinaryViolation', at('2011-01-11', 11), committee, {
  memberId: 'm-wang',
  description: 'falsified training attendance records',
});
object(
  org('o2'),
  'ob-3',
  'too late',
  '2011-01-12',
  pub(301),
  ['notice.period'],
  'the notice of o2 ended at 2011-01-12 09:00',
);
add('Commend', at('2011-01-15'), committee, { subject: org('o1') });
add('Commend', at('2011-01-15', 9, 30), committee, { subject: org('o2') });
add('Commend', at('2011-01-15', 10), committee, { subject: mem('m-li') });
add(
  'Commend',
  at('2011-01-15', 10, 30),
  committee,
  { subject: org('o3') },
  ['commendation.quota'],
  'a quota of 25% of 8 organizations allows 2 commended',
);
add(
  'Commend',
  at('2011-01-15', 11),
  committee,
  { subject: mem('m-wang') },
  ['member.discipline'],
  'a violation recorded during the notice',
);
add(
  'Commend',
  at('2011-01-15', 11, 30),
  committee,
  { subject: org('o6') },
  ['subject.state', 'notice.objection', 'commendation.quota'],
  'an upheld objection left o6 not-commended (and the quota is full)',
);
add(
  'Commend',
  at('2011-01-15', 12),
  committee,
  { subject: org('o5') },
  ['subject.state', 'notice.period', 'commendation.quota'],
  'o5 was never nominated nor given a notice (and the quota is full)',
);

add(
  'ResolveObjection',
  at('2011-01-15', 12, 30),
  committee,
  { subject: org('o6'), objectionId: 'ob-2', upheld: false, finding: 'reviewed again' },
  ['subject.state', 'notice.objection'],
  'ob-2 was already resolved (upheld), which also left o6 not-commended',
);
add(
  'RecordLeadershipReview',
  at('2011-01-15', 13),
  sec('o8'),
  { orgId: 'o8', topics: ['community services'] },
  ['subject.state'],
  'o8 never committed: a leadership review needs an organization that has committed',
);
// clock.monotonic does not depend on how streams are laid out: o3's review is dated before the
// commendation of m-li recorded in the campaign stream (2011-01-15 10:00), which is bookkeeping of
// another subject; it is after o3's own last event and the last campaign-level event, so it is accepted.
add('RecordLeadershipReview', at('2011-01-15', 9, 45), sec('o3'), {
  orgId: 'o3',
  topics: ['the notice and its objections'],
});
add(
  'AdvancePhase',
  at('2011-01-15', 9, 50),
  committee,
  { to: 'concluded' },
  ['clock.monotonic'],
  'a campaign-level command is compared with every event of the campaign: the commendation of m-li was recorded at 10:00',
);

// --- The end of 2012 ---------------------------------------------------------------------------------
add(
  'RecordDisciplinaryViolation',
  at('2013-01-02'),
  committee,
  { memberId: 'm-chen', description: 'late report' },
  ['campaign.deadline'],
  'after endsAt only ConcludeCampaign is accepted',
);
add('ConcludeCampaign', at('2013-01-03'), committee, {});
add(
  'Recommend',
  at('2013-01-04'),
  pub(400),
  { subject: org('o3') },
  ['campaign.concluded', 'campaign.deadline', 'subject.state'],
  'a concluded campaign takes no more commands (it is also past its end, and o3 is under notice)',
);

writeFileSync(
  join(here, 'zhengzhou-2010.commands.jsonl'),
  lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
);
writeFileSync(
  join(here, 'zhengzhou-2010.expected.json'),
  JSON.stringify(
    {
      honourRoll: ['organization o1', 'organization o2', 'member m-li'],
      lines: expected,
    },
    null,
    1,
  ) + '\n',
);
process.stdout.write(
  `${lines.length} commands, ${expected.filter((e) => e.expect !== 'accepted').length} not accepted\n`,
);
