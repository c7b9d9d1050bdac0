import { isAccepted, type Engine } from '@strive/engine';
import { createMemoryEventStore, type StoredEvent } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../createCampaignEngine.js';
import { timelinesProjection } from '../projections/timelinesProjection.js';
import { buildReport } from './buildReport.js';
import { readReport } from './readReport.js';

const committee = { id: 'cc', role: 'committee' };
const ratings = {
  leadershipTeam: 'excellent',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'fair',
  publicFeedback: 'good',
};

/** A small campaign launched in `year` that commends `commended` and leaves `others` evaluated. */
const runCampaign = async (
  engine: Engine,
  campaignId: string,
  year: number,
  commended: readonly string[],
  others: readonly string[],
) => {
  let n = 0;
  let hour = 0;
  const send = async (type: string, fields: object, actor: object = committee) => {
    hour += 1;
    const at = new Date(Date.UTC(year, 0, 1, hour)).toISOString();
    const o = await engine.handle({
      type,
      id: `${campaignId}-${++n}`,
      at,
      actor,
      campaignId,
      ...fields,
    });
    if (!isAccepted(o)) throw new Error(`${type}: ${JSON.stringify(o)}`);
  };
  const orgs = [...commended, ...others];
  await send('LaunchCampaign', {
    title: `Campaign ${year}`,
    endsAt: `${year + 2}-12-31T23:59:59+08:00`,
    objectives: ['o'],
    principles: ['p'],
  });
  await send('PublishImplementationOpinions', {
    document: { title: 't', issuedBy: 'c' },
    policy: {
      minEvaluators: 1,
      recommendationShare: 0,
      minNoticeDays: 0,
      criterionSatisfaction: 0,
    },
  });
  for (const o of orgs)
    await send('EnrollOrganization', {
      orgId: o,
      name: `Org ${o}`,
      category: 'community',
      secretary: { id: `s-${o}`, name: 's' },
    });
  for (const o of orgs)
    await send(
      'PublishCommitment',
      {
        subject: { kind: 'organization', id: o },
        pledges: [
          {
            id: 'p',
            text: 't',
            centralTask: 'c',
            target: { metric: 'm', value: 1 },
            due: `${year + 1}-01-01T00:00:00Z`,
          },
        ],
      },
      { id: `s-${o}`, role: 'secretary' },
    );
  await send('AdvancePhase', { to: 'committing' });
  await send('AdvancePhase', { to: 'evaluating' });
  for (const o of orgs)
    for (const p of ['p1', 'p2'])
      await send(
        'SubmitEvaluation',
        { subject: { kind: 'organization', id: o }, evaluatorId: p, ratings },
        { id: p, role: 'public' },
      );
  await send('AdvancePhase', { to: 'commending' });
  for (const o of commended) {
    await send('Nominate', { subject: { kind: 'organization', id: o } });
    await send('StartPublicNotice', { subject: { kind: 'organization', id: o }, days: 0 });
    await send('Commend', { subject: { kind: 'organization', id: o } });
  }
};

const eventsOf = async (
  engine: Engine,
  store: ReturnType<typeof createMemoryEventStore>,
): Promise<StoredEvent[]> => {
  void engine;
  const out: StoredEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
};

describe('the report', () => {
  it('shows the dashboard: phase, subjects by state, turnout and satisfaction by criterion', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    await runCampaign(engine, 'a2010', 2010, ['o1'], ['o2']);
    const report = await readReport(engine);
    expect(report.dashboards).toEqual([
      {
        campaignId: 'a2010',
        phase: 'commending',
        subjectsByState: { commended: 1, evaluated: 1 },
        turnout: { evaluations: 4, eligibleSubjects: 2, evaluatedSubjects: 2 },
        satisfactionByCriterion: [
          { kind: 'organization', criterion: 'leadershipTeam', satisfied: 4, total: 4, share: 1 },
          { kind: 'organization', criterion: 'memberTeam', satisfied: 4, total: 4, share: 1 },
          { kind: 'organization', criterion: 'workMechanism', satisfied: 4, total: 4, share: 1 },
          { kind: 'organization', criterion: 'workPerformance', satisfied: 0, total: 4, share: 0 },
          { kind: 'organization', criterion: 'publicFeedback', satisfied: 4, total: 4, share: 1 },
        ],
      },
    ]);
    expect(report.subjects.map((s) => [s.id, s.state, s.evaluators, s.satisfaction])).toEqual([
      ['o1', 'commended', 2, 0.8],
      ['o2', 'evaluated', 2, 0.8],
    ]);
  });

  it('keeps old exemplars beside new ones across campaigns of one store, and replay agrees', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    await runCampaign(engine, 'a2010', 2010, ['o1', 'o2'], []);
    await runCampaign(engine, 'b2013', 2013, ['o1', 'o3'], ['o2']);
    const report = await readReport(engine);
    expect(
      report.exemplars.map((e) => [e.id, e.origin, e.commendations.map((c) => c.campaignId)]),
    ).toEqual([
      ['o1', 'carried', ['a2010', 'b2013']],
      ['o2', 'carried', ['a2010']],
      ['o3', 'new', ['b2013']],
    ]);
    expect(report.honourRoll.map((h) => `${h.campaignId}/${h.id}`)).toEqual([
      'a2010/o1',
      'a2010/o2',
      'b2013/o1',
      'b2013/o3',
    ]);
    expect(buildReport(await eventsOf(engine, store))).toEqual(report);
  });

  it('keeps a timeline per stream with who did what and when', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    await runCampaign(engine, 'a2010', 2010, ['o1'], []);
    const timeline = await (
      await engine.project(timelinesProjection)
    ).get('subject-a2010-organization-o1');
    expect(timeline?.entries.map((e) => e.type)).toEqual([
      'OrganizationEnrolled',
      'CommitmentPublished',
      'EvaluationSubmitted',
      'EvaluationSubmitted',
      'SubjectNominated',
      'PublicNoticeStarted',
      'SubjectCommended',
    ]);
    expect(timeline?.entries[1]).toMatchObject({
      position: 2,
      actor: { id: 's-o1', role: 'secretary' },
      at: '2010-01-01T04:00:00.000Z',
    });
  });
});
