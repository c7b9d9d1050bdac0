import { createEngine, isAccepted } from '@strive/engine';
import { given, invalid, rejected, type GivenEvent } from '@strive/engine/testing';
import { appendToStream, createMemoryEventStore, type JsonValue } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../createCampaignEngine.js';
import { DEFAULT_POLICY } from '../domain/CampaignPolicy.js';
import { subjectWorkflow } from '../workflows/subjectWorkflow.js';
import { launched } from '../testSupport/campaignFixtures.js';
import { campaignCommands } from './campaignCommands.js';

const options = { commands: campaignCommands };
const C = 'campaign-zz';
const O1 = 'subject-zz-organization-o1';
const committee = { id: 'cc', role: 'committee' };
const cmd = (type: string, at: string, fields: object, actor: object = committee) => ({
  type,
  id: `x-${type}`,
  at,
  actor,
  campaignId: 'zz',
  ...fields,
});
const ev = (streamId: string, type: string, data: JsonValue, at: string): GivenEvent => ({
  streamId,
  type,
  data,
  at,
});

/** A subject's commitment of one pledge, published on 2010-06-02. */
const published = (streamId: string): GivenEvent =>
  ev(
    streamId,
    'CommitmentPublished',
    {
      pledges: [
        {
          id: 'p',
          text: 't',
          centralTask: 'c',
          target: { metric: 'm', value: 1 },
          due: '2011-01-01T00:00:00+08:00',
        },
      ],
      at: '2010-06-02T09:00:00+08:00',
    },
    '2010-06-02T09:00:00+08:00',
  );

/** A campaign in `phase` with four organizations and a 25% quota. */
const campaign = (phase: 'evaluating' | 'commending', commended = 0): GivenEvent[] => [
  launched(),
  ev(
    C,
    'ImplementationOpinionsPublished',
    {
      document: { title: 't', issuedBy: 'c' },
      policy: { ...DEFAULT_POLICY, commendationQuota: 0.25 },
    },
    '2010-05-10T10:00:00+08:00',
  ),
  ...['o1', 'o2', 'o3', 'o4'].map((orgId) =>
    ev(
      C,
      'OrganizationRegistered',
      { orgId, name: orgId, category: 'urban', secretary: { id: `s-${orgId}`, name: 's' } },
      '2010-05-11T09:00:00+08:00',
    ),
  ),
  ev(C, 'PhaseAdvanced', { from: 'mobilizing', to: 'committing' }, '2010-06-01T09:00:00+08:00'),
  ev(C, 'PhaseAdvanced', { from: 'committing', to: 'evaluating' }, '2010-10-01T09:00:00+08:00'),
  ...(phase === 'commending'
    ? [
        ev(
          C,
          'PhaseAdvanced',
          { from: 'evaluating', to: 'commending' },
          '2010-12-01T09:00:00+08:00',
        ),
      ]
    : []),
  ...Array.from({ length: commended }, (_, i) =>
    ev(
      C,
      'CommendationRecorded',
      {
        campaignId: 'zz',
        subject: { kind: 'organization', id: `o${i + 2}` },
        name: 'n',
        commendedAt: '2010-12-20T09:00:00+08:00',
      },
      '2010-12-20T09:00:00+08:00',
    ),
  ),
];
const good = {
  leadershipTeam: 'good',
  memberTeam: 'good',
  workMechanism: 'good',
  workPerformance: 'good',
  publicFeedback: 'good',
};
/** Organization o1's enrollment (2010-05-11), secretary s-o1. */
const o1Enrolled: GivenEvent = ev(
  O1,
  'OrganizationEnrolled',
  {
    campaignId: 'zz',
    orgId: 'o1',
    name: 'Org one',
    category: 'urban',
    secretary: { id: 's-o1', name: 's' },
  },
  '2010-05-11T09:00:00+08:00',
);
/** Organization o1 enrolled, committed, evaluated by `evaluators` people, optionally through its notice. */
const o1 = (evaluators: number, upTo: 'evaluated' | 'under-notice'): GivenEvent[] => [
  o1Enrolled,
  published(O1),
  ev(
    O1,
    'LeadershipReviewRecorded',
    { topics: ['t'], at: '2010-08-20T09:00:00+08:00' },
    '2010-08-20T09:00:00+08:00',
  ),
  ...Array.from({ length: evaluators }, (_, i) =>
    ev(
      O1,
      'EvaluationSubmitted',
      { evaluatorId: `p${i}`, ratings: good },
      '2010-10-10T09:00:00+08:00',
    ),
  ),
  ev(
    O1,
    'LeadershipReviewRecorded',
    { topics: ['t'], at: '2010-11-10T09:00:00+08:00' },
    '2010-11-10T09:00:00+08:00',
  ),
  ...(upTo === 'under-notice'
    ? [
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
      ]
    : []),
];

/** What nominating o1 (10 evaluators, 2 reviews) on 2010-12-02 appends. */
const nominatedOnDec2 = [
  {
    streamId: O1,
    type: 'SubjectNominated',
    data: {
      at: '2010-12-02T09:00:00+08:00',
      verdicts: [
        {
          ruleId: 'evaluation.quorum',
          message: '10 distinct evaluators, at least 10 required',
        },
        {
          ruleId: 'evaluation.threshold',
          message:
            '50/50 (100%) of ratings excellent or good, at least 80% required; every criterion at least 60% (lowest leadershipTeam 10/10 (100%))',
        },
        {
          ruleId: 'review.regular',
          message:
            '2 leadership reviews; longest gap 82 days (2010-08-20T09:00:00+08:00 to 2010-11-10T09:00:00+08:00), at most 90 days allowed',
        },
      ],
    },
  },
];

describe('Commend', () => {
  it('appends to the campaign stream and the subject stream in one decision', async () => {
    await given([...campaign('commending'), ...o1(10, 'under-notice')], options)
      .when(
        cmd('Commend', '2011-01-15T09:00:00+08:00', {
          subject: { kind: 'organization', id: 'o1' },
        }),
      )
      .then([
        {
          streamId: C,
          type: 'CommendationRecorded',
          data: {
            campaignId: 'zz',
            subject: { kind: 'organization', id: 'o1' },
            name: 'Org one',
            commendedAt: '2011-01-15T09:00:00+08:00',
          },
        },
        {
          streamId: O1,
          type: 'SubjectCommended',
          data: {
            commendedAt: '2011-01-15T09:00:00+08:00',
            verdicts: [
              {
                ruleId: 'notice.period',
                message:
                  'the public notice from 2010-12-03T09:00:00+08:00 ended at 2010-12-10T09:00:00+08:00',
              },
              { ruleId: 'notice.objection', message: 'no objection was filed during the notice' },
              {
                ruleId: 'commendation.quota',
                message:
                  'commending would make 1 of 4 enrolled organizations commended, at most 25% allowed',
              },
            ],
          },
        },
      ]);
  });
  it('is refused when the quota is full, appending nothing', async () => {
    await given([...campaign('commending', 1), ...o1(10, 'under-notice')], options)
      .when(
        cmd('Commend', '2011-01-15T09:00:00+08:00', {
          subject: { kind: 'organization', id: 'o1' },
        }),
      )
      .then(rejected('commendation.quota'));
  });
  it('is refused before the notice ends and by the wrong role, listing both', async () => {
    await given([...campaign('commending'), ...o1(10, 'under-notice')], options)
      .when(
        cmd(
          'Commend',
          '2010-12-10T08:59:59+08:00',
          { subject: { kind: 'organization', id: 'o1' } },
          { id: 'p1', role: 'public' },
        ),
      )
      .then(rejected('auth.role', 'notice.period'));
  });
});

describe('Nominate', () => {
  it('lists every failing rule, and a refused nomination leaves the subject evaluated', async () => {
    const { engine } = await given([...campaign('evaluating'), ...o1(3, 'evaluated')], options)
      .when(
        cmd('Nominate', '2011-06-01T09:00:00+08:00', {
          subject: { kind: 'organization', id: 'o1' },
        }),
      )
      .then(rejected('phase.window', 'evaluation.quorum', 'review.regular'));
    expect((await engine.load(subjectWorkflow, O1)).value).toBe('evaluated');
  });
  it('records the verdicts that let the subject through', async () => {
    await given([...campaign('commending'), ...o1(10, 'evaluated')], options)
      .when(
        cmd('Nominate', '2010-12-02T09:00:00+08:00', {
          subject: { kind: 'organization', id: 'o1' },
        }),
      )
      .then(nominatedOnDec2);
  });
});

describe('command shape and idempotency', () => {
  it('answers malformed commands as Invalid at the field path', async () => {
    await given(campaign('evaluating'), options)
      .when({
        ...cmd('Nominate', '2011-06-01T09:00:00+08:00', {
          subject: { kind: 'organization', id: 'o1' },
        }),
        note: 'x',
      })
      .then(invalid('note'));
    await given(campaign('evaluating'), options)
      .when(
        cmd(
          'SubmitEvaluation',
          '2011-06-01T09:00:00+08:00',
          {
            subject: { kind: 'organization', id: 'o1' },
            evaluatorId: 'p1',
            ratings: { ...good, memberTeam: Number.NaN },
          },
          { id: 'p1', role: 'public' },
        ),
      )
      .then(invalid('ratings.memberTeam'));
  });
  it('answers an id accepted before as a duplicate that appends nothing', async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    const launch = cmd('LaunchCampaign', '2010-05-10T09:00:00+08:00', {
      title: 't',
      endsAt: '2012-12-31T23:59:59+08:00',
      objectives: ['o'],
      principles: ['p'],
    });
    expect(isAccepted(await engine.handle(launch))).toBe(true);
    const again = await engine.handle(launch);
    expect(again).toMatchObject({ _tag: 'Accepted', duplicate: true, events: [] });
    expect((await store.head()).globalPosition).toBe(1);
  });
});

/** A launched campaign (mobilizing) with organization o1 enrolled. */
const launchedWithO1: GivenEvent[] = [launched(), o1Enrolled];

describe('EnrollMember', () => {
  it('by the organization’s secretary writes the member and the organization streams', async () => {
    await given(launchedWithO1, options)
      .when(
        cmd(
          'EnrollMember',
          '2010-05-12T09:00:00+08:00',
          { memberId: 'm1', orgId: 'o1', name: 'Li' },
          { id: 's-o1', role: 'secretary' },
        ),
      )
      .then([
        { streamId: O1, type: 'MemberJoined', data: { member: { id: 'm1', name: 'Li' } } },
        {
          streamId: 'subject-zz-member-m1',
          type: 'MemberEnrolled',
          data: { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
        },
      ]);
  });
});

describe('SubmitEvaluation', () => {
  const M1 = 'subject-zz-member-m1';
  /** Member m1 of organization o3, committed, in a campaign of four organizations. */
  const member: GivenEvent[] = [
    ...campaign('evaluating'),
    ev(
      M1,
      'MemberEnrolled',
      { campaignId: 'zz', memberId: 'm1', orgId: 'o3', name: 'Li' },
      '2010-05-12T09:00:00+08:00',
    ),
    published(M1),
  ];
  const ratings = {
    learning: 'good',
    dedication: 'good',
    service: 'good',
    lawAbiding: 'good',
    integrity: 'good',
  };
  const evaluate = (evaluatorId: string) =>
    cmd(
      'SubmitEvaluation',
      '2010-10-10T09:00:00+08:00',
      { subject: { kind: 'member', id: 'm1' }, evaluatorId, ratings },
      { id: evaluatorId, role: 'public' },
    );

  it('refuses the secretary of the member’s own organization, among several', async () => {
    await given(member, options).when(evaluate('s-o3')).then(rejected('evaluation.independence'));
  });

  it('accepts the secretary of another organization', async () => {
    await given(member, options)
      .when(evaluate('s-o2'))
      .then([
        { streamId: M1, type: 'EvaluationSubmitted', data: { evaluatorId: 's-o2', ratings } },
      ]);
  });
});

describe('clock.monotonic (docs/campaign.md: it does not depend on how streams are laid out)', () => {
  const nominate = (at: string) =>
    cmd('Nominate', at, { subject: { kind: 'organization', id: 'o1' } });
  it('compares a subject command with its subject and the campaign-level events, not bookkeeping', async () => {
    // CommendationRecorded of o2 (2010-12-20) is bookkeeping in the campaign stream: o1's nomination
    // on 2010-12-02 is after o1's last event and the phase change of 2010-12-01, so it is accepted.
    await given([...campaign('commending', 1), ...o1(10, 'evaluated')], options)
      .when(nominate('2010-12-02T09:00:00+08:00'))
      .then(nominatedOnDec2);
  });
  it('refuses a subject command dated before the last campaign-level event', async () => {
    await given([...campaign('commending'), ...o1(10, 'evaluated')], options)
      .when(nominate('2010-11-30T09:00:00+08:00'))
      .then(rejected('clock.monotonic'));
  });
  it('refuses a subject command dated before its subject’s last event', async () => {
    await given([...campaign('commending'), ...o1(10, 'under-notice')], options)
      .when(
        cmd('ResolveObjection', '2010-12-02T10:00:00+08:00', {
          subject: { kind: 'organization', id: 'o1' },
          objectionId: 'ob-1',
          upheld: false,
          finding: 'f',
        }),
      )
      .then(rejected('clock.monotonic', 'notice.objection'));
  });
  it('compares EnrollMember with the member and the campaign-level events, not the organization', async () => {
    const launched = campaign('evaluating').slice(0, 1);
    await given([...launched, ...o1(0, 'evaluated').slice(0, 2)], options)
      .when(
        cmd('EnrollMember', '2010-05-20T09:00:00+08:00', {
          memberId: 'm1',
          orgId: 'o1',
          name: 'Li',
        }),
      )
      .then([
        { streamId: O1, type: 'MemberJoined', data: { member: { id: 'm1', name: 'Li' } } },
        {
          streamId: 'subject-zz-member-m1',
          type: 'MemberEnrolled',
          data: { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
        },
      ]);
  });
  it('compares a campaign-level command with every event of the campaign stream', async () => {
    const conclude = (at: string) => cmd('AdvancePhase', at, { to: 'concluded' });
    await given(campaign('commending', 1), options)
      .when(conclude('2010-12-19T09:00:00+08:00'))
      .then(rejected('clock.monotonic'));
    await given(campaign('commending', 1), options)
      .when(conclude('2010-12-20T09:00:00+08:00'))
      .then([
        {
          streamId: C,
          type: 'CampaignConcluded',
          data: {
            from: 'commending',
            concludedAt: '2010-12-20T09:00:00+08:00',
            reason: 'completed',
          },
        },
      ]);
  });
});

describe('clock.monotonic of a campaign-level command (every event of its campaign)', () => {
  const conclude = (at: string) => cmd('AdvancePhase', at, { to: 'concluded' });
  const M1 = 'subject-zz-member-m1';
  // o1 is listed by the campaign, m1 by o1: the member's enrollment (2010-12-10) is the campaign's
  // latest event, later than every event of the campaign stream (2010-12-01).
  const withMember = [
    ...campaign('commending'),
    ...o1(0, 'evaluated').slice(0, 1),
    ev(O1, 'MemberJoined', { member: { id: 'm1', name: 'Li' } }, '2010-05-20T09:00:00+08:00'),
    ev(
      M1,
      'MemberEnrolled',
      { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
      '2010-12-10T09:00:00+08:00',
    ),
  ];
  it('refuses one dated before an event of a subject stream, found through the subjects', async () => {
    const { outcome } = await given(withMember, options)
      .when(conclude('2010-12-05T09:00:00+08:00'))
      .then(rejected('clock.monotonic'));
    expect(outcome._tag === 'Rejected' && outcome.failures[0]?.message).toBe(
      'at 2010-12-05T09:00:00+08:00 is earlier than the latest event of campaign zz (member m1) ' +
        '(2010-12-10T09:00:00+08:00)',
    );
  });
  it('accepts one dated at the latest event, having checked every subject stream’s version', async () => {
    const { engine } = await given(withMember, options)
      .when(conclude('2010-12-10T09:00:00+08:00'))
      .then([
        {
          streamId: C,
          type: 'CampaignConcluded',
          data: {
            from: 'commending',
            concludedAt: '2010-12-10T09:00:00+08:00',
            reason: 'completed',
          },
        },
      ]);
    expect((await engine.load(subjectWorkflow, M1)).version).toBe(1);
  });
  it('decides again when a subject event is appended meanwhile, and then sees it', async () => {
    const inner = createMemoryEventStore();
    let appendMany = 0;
    const store = {
      ...inner,
      appendMany: async (...args: Parameters<typeof inner.appendMany>) => {
        appendMany += 1;
        // Another process records a violation of m1 (2010-12-12) just before the command's append.
        if (appendMany === 1)
          await appendToStream(
            inner,
            M1,
            [
              {
                type: 'DisciplinaryViolationRecorded',
                data: { description: 'd', at: '2010-12-12T09:00:00+08:00' },
                metadata: { at: '2010-12-12T09:00:00+08:00' },
              },
            ],
            { expectedVersion: 1 },
          );
        return inner.appendMany(...args);
      },
    };
    // Seeds `inner` with the campaign (a refused command appends nothing).
    await given(withMember, { ...options, store: inner })
      .when(conclude('2010-12-05T09:00:00+08:00'))
      .then(rejected('clock.monotonic'));
    const engine = createEngine({ store, commands: campaignCommands });
    const outcome = await engine.handle(conclude('2010-12-10T09:00:00+08:00'));
    expect(outcome._tag === 'Rejected' && outcome.failures.map((f) => f.ruleId)).toEqual([
      'clock.monotonic',
    ]);
    expect(appendMany).toBe(1); // the conflicting try only: the retry was refused before appending
    expect(outcome._tag === 'Rejected' && outcome.failures[0]?.message).toContain('(member m1)');
  });
});

describe('RecordLeadershipReview', () => {
  const review = cmd(
    'RecordLeadershipReview',
    '2010-10-20T09:00:00+08:00',
    { orgId: 'o1', topics: ['t'] },
    { id: 's-o1', role: 'secretary' },
  );
  it('needs an organization that has committed', async () => {
    await given([...campaign('evaluating'), ...o1(0, 'evaluated').slice(0, 1)], options)
      .when(review)
      .then(rejected('subject.state'));
    await given([...campaign('evaluating'), ...o1(0, 'evaluated').slice(0, 2)], options)
      .when(review)
      .then([
        {
          streamId: O1,
          type: 'LeadershipReviewRecorded',
          data: { topics: ['t'], at: '2010-10-20T09:00:00+08:00' },
        },
      ]);
  });
});

describe('ResolveObjection', () => {
  const filed = ev(
    O1,
    'ObjectionFiled',
    {
      objectionId: 'ob-1',
      reason: 'r',
      filedBy: { id: 'p1', role: 'public' },
      at: '2010-12-04T09:00:00+08:00',
    },
    '2010-12-04T09:00:00+08:00',
  );
  const resolved = ev(
    O1,
    'ObjectionResolved',
    { objectionId: 'ob-1', upheld: false, finding: 'f', at: '2010-12-05T09:00:00+08:00' },
    '2010-12-05T09:00:00+08:00',
  );
  const resolve = cmd('ResolveObjection', '2010-12-06T09:00:00+08:00', {
    subject: { kind: 'organization', id: 'o1' },
    objectionId: 'ob-1',
    upheld: false,
    finding: 'f',
  });
  const underNotice = [...campaign('commending'), ...o1(10, 'under-notice')];
  it('resolves an objection filed against the subject and still open', async () => {
    await given([...underNotice, filed], options)
      .when(resolve)
      .then([
        {
          streamId: O1,
          type: 'ObjectionResolved',
          data: {
            objectionId: 'ob-1',
            upheld: false,
            finding: 'f',
            at: '2010-12-06T09:00:00+08:00',
          },
        },
      ]);
  });
  it('fails notice.objection for an objection never filed or already resolved', async () => {
    await given(underNotice, options).when(resolve).then(rejected('notice.objection'));
    await given([...underNotice, filed, resolved], options)
      .when(resolve)
      .then(rejected('notice.objection'));
  });
});

describe('FileObjection', () => {
  it('refuses an objection against a subject that never had a notice, by its state and the notice', async () => {
    await given([...campaign('commending'), ...o1(10, 'evaluated')], options)
      .when(
        cmd(
          'FileObjection',
          '2011-01-20T09:00:00+08:00',
          { subject: { kind: 'organization', id: 'o1' }, objectionId: 'x1', reason: 'r' },
          { id: 'p1', role: 'public' },
        ),
      )
      .then(rejected('subject.state', 'notice.period'));
  });
});

describe('RecordDisciplinaryViolation', () => {
  const M1 = 'subject-zz-member-m1';
  const enrolled: GivenEvent[] = [
    ...campaign('commending'),
    ev(
      M1,
      'MemberEnrolled',
      { campaignId: 'zz', memberId: 'm1', orgId: 'o3', name: 'Li' },
      '2010-05-12T09:00:00+08:00',
    ),
  ];
  const violation = (memberId: string) =>
    cmd('RecordDisciplinaryViolation', '2011-01-10T09:00:00+08:00', { memberId, description: 'd' });

  it('is recorded in any phase up to commending', async () => {
    await given(enrolled, options)
      .when(violation('m1'))
      .then([
        {
          streamId: M1,
          type: 'DisciplinaryViolationRecorded',
          data: { description: 'd', at: '2011-01-10T09:00:00+08:00' },
        },
      ]);
  });

  it('names the member that is not enrolled', async () => {
    const { engine } = await given(enrolled, options)
      .when(violation('m9'))
      .then(rejected('subject.state'));
    expect(await engine.handle({ ...violation('m9'), id: 'again' })).toMatchObject({
      _tag: 'Rejected',
      failures: [{ ruleId: 'subject.state', message: 'member m9 is not enrolled in the campaign' }],
    });
  });
});

describe('while committing', () => {
  const committing: GivenEvent[] = [
    ...launchedWithO1,
    ev(C, 'PhaseAdvanced', { from: 'mobilizing', to: 'committing' }, '2010-06-01T09:00:00+08:00'),
  ];
  const enroll = (id: string, at: string, memberId: string, orgId: string) => ({
    ...cmd('EnrollMember', at, { memberId, orgId, name: 'Li' }),
    id,
  });

  it('lets a disciplinary violation be recorded then too', async () => {
    const m1 = 'subject-zz-member-m1';
    const joined = { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' };
    await given(
      [...committing, ev(m1, 'MemberEnrolled', joined, '2010-06-02T09:00:00+08:00')],
      options,
    )
      .when(
        cmd('RecordDisciplinaryViolation', '2010-06-03T09:00:00+08:00', {
          memberId: 'm1',
          description: 'd',
        }),
      )
      .then([
        {
          streamId: m1,
          type: 'DisciplinaryViolationRecorded',
          data: { description: 'd', at: '2010-06-03T09:00:00+08:00' },
        },
      ]);
  });

  it('is accepted, and a refusal names the organization, the member and its last event', async () => {
    const { engine } = await given(committing, options)
      .when(enroll('e1', '2010-06-02T09:00:00+08:00', 'm1', 'o1'))
      .then([
        { streamId: O1, type: 'MemberJoined', data: { member: { id: 'm1', name: 'Li' } } },
        {
          streamId: 'subject-zz-member-m1',
          type: 'MemberEnrolled',
          data: { campaignId: 'zz', memberId: 'm1', orgId: 'o1', name: 'Li' },
        },
      ]);
    const again = await engine.handle(enroll('e2', '2010-06-01T10:00:00+08:00', 'm1', 'o9'));
    expect(again._tag === 'Rejected' ? again.failures : again).toEqual([
      {
        ruleId: 'clock.monotonic',
        message:
          'at 2010-06-01T10:00:00+08:00 is earlier than the last event of member m1 (2010-06-02T09:00:00+08:00)',
      },
      { ruleId: 'subject.state', message: 'organization o9 is not enrolled in the campaign' },
      { ruleId: 'subject.state', message: 'member m1 is already enrolled (it is enrolled)' },
    ]);
  });
});
