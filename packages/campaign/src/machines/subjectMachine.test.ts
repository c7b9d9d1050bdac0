import { isAccepted, type Engine } from '@strive/engine';
import { createMemoryEventStore } from '@strive/eventlog';
import { createActor } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../createCampaignEngine.js';
import { PHASES, type Phase } from '../domain/Phase.js';
import { subjectStreamId } from '../domain/streamIds.js';
import type { SubjectKind } from '../domain/Subject.js';
import type { SubjectMachineEvent } from '../domain/subjectEvents.js';
import { subjectWorkflow } from '../workflows/subjectWorkflow.js';
import { subjectMachine } from './subjectMachine.js';

// Model-based tests: xstate/graph walks the subject machine (the model); each machine event is turned
// into the command that produces it, run through the engine on an in-memory store (the system), and
// the subject's folded state must be the state the model reached. Every transition is covered: the
// shortest path to each state, followed by each event the state accepts.

const T = '2011-01-01T00:00:00+08:00';
const anyPledge = {
  id: 'p',
  text: 't',
  centralTask: 'c',
  target: { metric: 'm', value: 1 },
  due: '2029-01-01T00:00:00+08:00',
};
const orgRatings = {
  leadershipTeam: 'excellent',
  memberTeam: 'excellent',
  workMechanism: 'excellent',
  workPerformance: 'excellent',
  publicFeedback: 'excellent',
} as const;
const memberRatings = {
  learning: 'excellent',
  dedication: 'excellent',
  service: 'excellent',
  lawAbiding: 'excellent',
  integrity: 'excellent',
} as const;
const verdicts: [] = [];

/** One sample of each machine event (the data only matters to guards: `upheld`). */
const sample = (kind: SubjectKind): SubjectMachineEvent[] => [
  ...(kind === 'organization'
    ? ([
        {
          type: 'OrganizationEnrolled',
          campaignId: 'c',
          orgId: 'o1',
          name: 'n',
          category: 'urban',
          secretary: { id: 's1', name: 's' },
        },
        { type: 'FirstResponsibleAssigned', secretary: { id: 's2', name: 's' }, previous: null },
        { type: 'MemberJoined', member: { id: 'mx', name: 'm' } },
        { type: 'LeadershipReviewRecorded', topics: ['t'], at: T },
        { type: 'EvaluationSubmitted', evaluatorId: 'p', ratings: orgRatings },
      ] as const)
    : ([
        { type: 'MemberEnrolled', campaignId: 'c', memberId: 'm1', orgId: 'o0', name: 'n' },
        { type: 'EvaluationSubmitted', evaluatorId: 'p', ratings: memberRatings },
      ] as const)),
  { type: 'CommitmentPublished', pledges: [anyPledge], at: T },
  { type: 'SubjectNominated', at: T, verdicts },
  { type: 'RecommendationRecorded', voterId: 'p' },
  { type: 'PublicNoticeStarted', days: 1, startsAt: T, endsAt: T, verdicts },
  {
    type: 'ObjectionFiled',
    objectionId: 'ob',
    reason: 'r',
    filedBy: { id: 'p', role: 'public' },
    at: T,
  },
  { type: 'ObjectionResolved', objectionId: 'ob', upheld: false, finding: 'f', at: T },
  { type: 'ObjectionResolved', objectionId: 'ob', upheld: true, finding: 'f', at: T },
  { type: 'SubjectCommended', commendedAt: T, verdicts },
];
/** Violations bar nomination, so they are explored only as the last step of a path. */
const lastOnly: SubjectMachineEvent = {
  type: 'DisciplinaryViolationRecorded',
  description: 'd',
  at: T,
};

/** Drives one campaign through the engine, turning machine events into commands for subject `kind`. */
const harness = async (kind: SubjectKind) => {
  const engine: Engine = createCampaignEngine(createMemoryEventStore());
  let clock = Date.parse(T);
  let phase: Phase = 'mobilizing';
  let n = 0;
  let secretary = 's1';
  let objections: string[] = [];
  let noticeEnd = 0;
  const subject = { kind, id: kind === 'organization' ? 'o1' : 'm1' };
  const send = async (
    type: string,
    actor: { id: string; role: string },
    fields: object,
    at = clock,
  ) => {
    clock = Math.max(clock, at) + 3_600_000;
    const o = await engine.handle({
      type,
      id: `k${++n}`,
      at: new Date(clock).toISOString(),
      actor,
      campaignId: 'c',
      ...fields,
    });
    if (!isAccepted(o)) throw new Error(`${type} refused: ${JSON.stringify(o)}`);
  };
  const committee = { id: 'cc', role: 'committee' };
  const reach = async (p: Phase) => {
    for (let i = PHASES.indexOf(phase) + 1; i <= PHASES.indexOf(p); i++) {
      phase = PHASES[i] ?? phase;
      await send('AdvancePhase', committee, { to: phase });
    }
  };
  await send('LaunchCampaign', committee, {
    title: 't',
    endsAt: '2030-01-01T00:00:00Z',
    objectives: ['o'],
    principles: ['p'],
  });
  await send('PublishImplementationOpinions', committee, {
    document: { title: 't', issuedBy: 'c' },
    policy: { minEvaluators: 1, recommendationShare: 0, minNoticeDays: 1 },
  });
  await send('EnrollOrganization', committee, {
    orgId: 'o0',
    name: 'helper',
    category: 'school',
    secretary: { id: 's0', name: 's' },
  });
  const apply = async (e: SubjectMachineEvent): Promise<void> => {
    const p = `p${n}`;
    switch (e.type) {
      case 'OrganizationEnrolled':
        return send('EnrollOrganization', committee, {
          orgId: 'o1',
          name: 'n',
          category: 'urban',
          secretary: { id: 's1', name: 's' },
        });
      case 'MemberEnrolled':
        return send('EnrollMember', committee, { memberId: 'm1', orgId: 'o0', name: 'n' });
      case 'FirstResponsibleAssigned':
        secretary = `s${n}`;
        return send('AssignFirstResponsible', committee, {
          orgId: 'o1',
          secretary: { id: secretary, name: 's' },
        });
      case 'MemberJoined':
        return send('EnrollMember', committee, { memberId: `m${n}`, orgId: 'o1', name: 'n' });
      case 'CommitmentPublished':
        return send(
          'PublishCommitment',
          kind === 'organization'
            ? { id: secretary, role: 'secretary' }
            : { id: 'm1', role: 'member' },
          { subject, pledges: [anyPledge] },
        );
      case 'LeadershipReviewRecorded':
        await reach('committing');
        return send(
          'RecordLeadershipReview',
          { id: secretary, role: 'secretary' },
          { orgId: 'o1', topics: ['t'] },
        );
      case 'DisciplinaryViolationRecorded':
        return send('RecordDisciplinaryViolation', committee, { memberId: 'm1', description: 'd' });
      case 'EvaluationSubmitted':
        await reach('evaluating');
        return send(
          'SubmitEvaluation',
          { id: p, role: 'public' },
          {
            subject,
            evaluatorId: p,
            ratings: kind === 'organization' ? orgRatings : memberRatings,
          },
        );
      case 'SubjectNominated':
        await reach('commending');
        return send('Nominate', committee, { subject });
      case 'RecommendationRecorded':
        return send('Recommend', { id: p, role: 'public' }, { subject });
      case 'PublicNoticeStarted':
        noticeEnd = clock + 3_600_000 + 24 * 3_600_000;
        return send('StartPublicNotice', committee, { subject, days: 1 });
      case 'ObjectionFiled':
        objections = [...objections, `ob${n}`];
        return send(
          'FileObjection',
          { id: p, role: 'public' },
          { subject, objectionId: `ob${n}`, reason: 'r' },
        );
      case 'ObjectionResolved': {
        if (objections.length === 0)
          await apply({
            type: 'ObjectionFiled',
            objectionId: 'x',
            reason: 'r',
            filedBy: { id: 'p', role: 'public' },
            at: T,
          });
        const [objectionId, ...rest] = objections;
        objections = rest;
        return send('ResolveObjection', committee, {
          subject,
          objectionId,
          upheld: e.upheld,
          finding: 'f',
        });
      }
      case 'SubjectCommended':
        return send('Commend', committee, { subject }, noticeEnd);
    }
  };
  const state = async () =>
    (await engine.load(subjectWorkflow, subjectStreamId('c', subject))).value;
  return { apply, state };
};

const transitions = (kind: SubjectKind) => {
  const events = sample(kind);
  const shortest = getShortestPaths(subjectMachine, { events });
  return shortest.flatMap((path) =>
    [...events, ...(kind === 'member' ? [lastOnly] : [])]
      .filter((e) => subjectMachine.getTransitionData(path.state, e).length > 0)
      .map((e) => {
        const steps = [...path.steps.map((s) => s.event), e].filter(
          (x): x is SubjectMachineEvent => !x.type.startsWith('xstate.'),
        );
        const actor = createActor(subjectMachine).start();
        for (const s of steps) actor.send(s);
        return {
          name: `${String(path.state.value)} --${e.type}${e.type === 'ObjectionResolved' ? (e.upheld ? '(upheld)' : '(dismissed)') : ''}-->`,
          steps,
          expected: String(actor.getSnapshot().value),
        };
      }),
  );
};

describe.each(['organization', 'member'] as const)('the %s lifecycle, model-based', (kind) => {
  const cases = transitions(kind);
  it('covers every state of the domain and both endings', () => {
    expect(new Set(cases.map((c) => c.expected))).toEqual(
      new Set([
        'enrolled',
        'committed',
        'evaluated',
        'nominated',
        'under-notice',
        'commended',
        'not-commended',
      ]),
    );
  });
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s reaches the model state through the engine',
    async (_name, c) => {
      const h = await harness(kind);
      for (const e of c.steps) await h.apply(e);
      expect(await h.state()).toBe(c.expected);
    },
  );
});

describe('simple paths of the subject machine', () => {
  it('end in commended or not-commended only through a public notice', () => {
    const ends = getSimplePaths(subjectMachine, { events: sample('organization') }).filter((p) =>
      ['commended', 'not-commended'].includes(String(p.state.value)),
    );
    expect(ends.length).toBeGreaterThan(0);
    for (const p of ends) expect(p.steps.map((s) => s.event.type)).toContain('PublicNoticeStarted');
  });
});
