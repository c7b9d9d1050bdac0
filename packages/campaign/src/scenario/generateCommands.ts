import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/** The size and seed of a synthetic campaign. */
export interface GenerateOptions {
  readonly orgs: number;
  readonly membersPerOrg: number;
  readonly evaluators: number;
  readonly seed: number;
}

type Json = Record<string, unknown>;

const CATEGORIES = ['urban', 'rural', 'enterprise', 'institution', 'school', 'community'] as const;
const ORG_CRITERIA = [
  'leadershipTeam',
  'memberTeam',
  'workMechanism',
  'workPerformance',
  'publicFeedback',
];
const MEMBER_CRITERIA = ['learning', 'dedication', 'service', 'lawAbiding', 'integrity'];
const DAY = 86_400_000;
const START = Date.parse('2024-03-01T09:00:00+08:00');

const at = (ms: number): string =>
  new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

const grade = (rng: RandomGenerator): string => {
  const r = unsafeUniformIntDistribution(0, 99, rng);
  return r < 45 ? 'excellent' : r < 90 ? 'good' : r < 98 ? 'fair' : 'poor';
};

/**
 * A deterministic synthetic campaign as commands (docs/campaign.md shapes), lazily: the same options give the same
 * lines byte for byte. Every command is valid in order; about one subject in ten is nominated, noticed and
 * commended. Pure (seeded; no clock).
 * @example [...generateCommands({ orgs: 2, membersPerOrg: 1, evaluators: 10, seed: 1 })].length
 */
export function* generateCommands(o: GenerateOptions): Generator<Json> {
  const rng = xoroshiro128plus(o.seed);
  const campaignId = `synthetic-${o.seed}`;
  const committee = { id: 'committee-1', role: 'committee' };
  let seq = 0;
  let clock = START;
  const cmd = (type: string, actor: Json, fields: Json): Json => {
    clock += 1000;
    seq += 1;
    return { type, id: `${campaignId}-c${seq}`, at: at(clock), actor, campaignId, ...fields };
  };
  const jump = (day: number): void => {
    clock = Math.max(clock, START + day * DAY);
  };
  const advance = (day: number, to: string): Json => {
    jump(day);
    return cmd('AdvancePhase', committee, { to });
  };
  const subjects: { kind: string; id: string; orgId: string; secretary: string }[] = [];
  for (let i = 1; i <= o.orgs; i++) {
    const orgId = `org-${i}`;
    subjects.push({ kind: 'organization', id: orgId, orgId, secretary: `sec-${i}` });
    for (let m = 1; m <= o.membersPerOrg; m++)
      subjects.push({ kind: 'member', id: `m-${i}-${m}`, orgId, secretary: `sec-${i}` });
  }
  const minEvaluators = Math.min(10, o.evaluators);
  yield cmd('LaunchCampaign', committee, {
    title: `Synthetic campaign ${o.seed}`,
    endsAt: at(START + 900 * DAY),
    objectives: ['promote scientific development', 'serve the people'],
    principles: ['be practical and seek real results'],
  });
  yield cmd('PublishImplementationOpinions', committee, {
    document: { title: 'Implementation opinions', issuedBy: 'City committee' },
    policy: { minEvaluators },
  });
  yield cmd('EstablishLeadingGroup', committee, {
    members: [{ id: 'lg-1', name: 'Leading group chair', title: 'Deputy secretary' }],
  });
  for (const s of subjects) {
    if (s.kind === 'organization') {
      const category = CATEGORIES[unsafeUniformIntDistribution(0, CATEGORIES.length - 1, rng)];
      yield cmd('EnrollOrganization', committee, {
        orgId: s.id,
        name: `Organization ${s.id}`,
        category,
        secretary: { id: s.secretary, name: `Secretary of ${s.id}` },
      });
    } else {
      yield cmd('EnrollMember', committee, {
        memberId: s.id,
        orgId: s.orgId,
        name: `Member ${s.id}`,
      });
    }
  }
  yield advance(10, 'committing');
  for (const s of subjects) {
    const subject = { kind: s.kind, id: s.id };
    const actor =
      s.kind === 'organization'
        ? { id: s.secretary, role: 'secretary' }
        : { id: s.id, role: 'member' };
    yield cmd('PublishCommitment', actor, {
      subject,
      pledges: [
        {
          id: `${s.id}-p1`,
          text: `Serve residents of ${s.orgId} with weekly open office hours`,
          centralTask: 'serve the people',
          target: { metric: 'open office hours held', value: 40, unit: 'sessions' },
          due: at(START + 400 * DAY),
        },
      ],
    });
  }
  jump(60);
  for (const s of subjects)
    if (s.kind === 'organization')
      yield cmd(
        'RecordLeadershipReview',
        { id: s.secretary, role: 'secretary' },
        { orgId: s.id, topics: ['progress of pledges'] },
      );
  yield advance(70, 'evaluating');
  const nominated: { subject: Json; voters: number }[] = [];
  for (const s of subjects) {
    const subject = { kind: s.kind, id: s.id };
    const criteria = s.kind === 'organization' ? ORG_CRITERIA : MEMBER_CRITERIA;
    let good = 0;
    const perCriterion = new Map<string, number>();
    for (let e = 1; e <= o.evaluators; e++) {
      const ratings: Record<string, string> = {};
      for (const c of criteria) {
        const g = grade(rng);
        ratings[c] = g;
        if (g === 'excellent' || g === 'good') {
          good += 1;
          perCriterion.set(c, (perCriterion.get(c) ?? 0) + 1);
        }
      }
      yield cmd(
        'SubmitEvaluation',
        { id: `citizen-${e}`, role: 'public' },
        { subject, evaluatorId: `citizen-${e}`, ratings },
      );
    }
    const passes =
      good * 10 >= 8 * o.evaluators * criteria.length &&
      criteria.every((c) => (perCriterion.get(c) ?? 0) * 10 >= 6 * o.evaluators);
    if (passes && o.evaluators >= minEvaluators && unsafeUniformIntDistribution(0, 9, rng) === 0)
      nominated.push({ subject, voters: Math.ceil(o.evaluators / 2) });
  }
  yield advance(100, 'commending');
  for (const n of nominated) yield cmd('Nominate', committee, { subject: n.subject });
  for (const n of nominated)
    for (let v = 1; v <= n.voters; v++)
      yield cmd('Recommend', { id: `citizen-${v}`, role: 'public' }, { subject: n.subject });
  for (const n of nominated)
    yield cmd('StartPublicNotice', committee, { subject: n.subject, days: 7 });
  jump(105);
  for (const [i, n] of nominated.entries())
    if (i % 5 === 0)
      yield cmd(
        'FileObjection',
        { id: 'citizen-1', role: 'public' },
        {
          subject: n.subject,
          objectionId: `obj-${i}`,
          reason: 'Pledge progress was not visible to residents',
        },
      );
  for (const [i, n] of nominated.entries())
    if (i % 5 === 0)
      yield cmd('ResolveObjection', committee, {
        subject: n.subject,
        objectionId: `obj-${i}`,
        upheld: false,
        finding: 'Records of the office hours were checked and found complete',
      });
  jump(115);
  for (const n of nominated) yield cmd('Commend', committee, { subject: n.subject });
  yield cmd('ConcludeCampaign', committee, {});
}
