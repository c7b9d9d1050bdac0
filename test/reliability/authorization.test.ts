import { describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../../packages/campaign/src/index.js';
import { isRejected } from '../../packages/engine/src/index.js';
import { createMemoryEventStore } from '../../packages/eventlog/src/index.js';
import {
  CampaignScript,
  citizen,
  committee,
  member,
  mem,
  org,
  secretary,
  type ActorRef,
  type Command,
} from './support/campaignScript.js';
import { handleAll } from './support/handleAll.js';

type Stage =
  | 'none'
  | 'launched'
  | 'mobilizing'
  | 'committing'
  | 'committed'
  | 'evaluating'
  | 'commending'
  | 'nominated'
  | 'recommended'
  | 'notice'
  | 'objection'
  | 'noticeEnded';

/** The commands that bring a fresh campaign to a stage (each stage extends the one before). */
const stage = (s: Stage): CampaignScript => {
  const k = new CampaignScript('auth2010');
  if (s === 'none') return k;
  if (s === 'launched') return k.launch();
  k.mobilize().enrollOrg('o1').enrollOrg('o2').enrollOrg('o3', false);
  k.enrollMember('m1', 'o1').enrollMember('m2', 'o2');
  if (s === 'mobilizing') return k;
  k.advance('committing');
  if (s === 'committing') return k;
  k.commit(org('o1')).commit(mem('m1')).commit(org('o2'));
  if (s === 'committed') return k;
  k.advance('evaluating');
  if (s === 'evaluating') return k;
  for (let p = 1; p <= 10; p++) k.evaluate(org('o1'), p);
  k.advance('commending');
  if (s === 'commending') return k;
  k.nominate(org('o1'));
  if (s === 'nominated') return k;
  for (let p = 1; p <= 5; p++) k.recommend(org('o1'), p);
  if (s === 'recommended') return k;
  k.startNotice(org('o1'), 7);
  if (s === 'notice') return k;
  if (s === 'objection') return k.fileObjection(org('o1'), 'ob-1');
  return k.days(8);
};

/** Who may send a command, exactly as the table of docs/campaign.md says (the oracle). */
interface Cell {
  readonly command: string;
  readonly stage: Stage;
  /** Roles of the table's "who" column. */
  readonly roles: readonly ActorRef['role'][];
  /** The actor of each role that the secretary/member-self rules expect (default: any). */
  readonly own?: Partial<Record<ActorRef['role'], ActorRef>>;
  readonly build: (k: CampaignScript, actor: ActorRef) => Command;
}

const o1 = org('o1');
const CELLS: readonly Cell[] = [
  {
    command: 'LaunchCampaign',
    stage: 'none',
    roles: ['committee'],
    build: (k, a) =>
      k.make('LaunchCampaign', a, {
        title: 'T',
        endsAt: '2012-12-31T23:59:59+08:00',
        objectives: ['serve the people'],
        principles: ['seek real results'],
      }),
  },
  {
    command: 'PublishImplementationOpinions',
    stage: 'launched',
    roles: ['committee'],
    build: (k, a) =>
      k.make('PublishImplementationOpinions', a, {
        document: { title: 'Opinions', issuedBy: 'X' },
      }),
  },
  {
    command: 'EstablishLeadingGroup',
    stage: 'launched',
    roles: ['committee'],
    build: (k, a) =>
      k.make('EstablishLeadingGroup', a, { members: [{ id: 'lg', name: 'N', title: 'T' }] }),
  },
  {
    command: 'AdvancePhase',
    stage: 'mobilizing',
    roles: ['committee'],
    build: (k, a) => k.make('AdvancePhase', a, { to: 'committing' }),
  },
  {
    command: 'ConcludeCampaign',
    stage: 'commending',
    roles: ['committee'],
    build: (k, a) => k.make('ConcludeCampaign', a),
  },
  {
    command: 'EnrollOrganization',
    stage: 'mobilizing',
    roles: ['committee'],
    build: (k, a) =>
      k.make('EnrollOrganization', a, { orgId: 'o4', name: 'Org 4', category: 'rural' }),
  },
  {
    command: 'AssignFirstResponsible',
    stage: 'mobilizing',
    roles: ['committee'],
    build: (k, a) =>
      k.make('AssignFirstResponsible', a, { orgId: 'o3', secretary: { id: 's-o3', name: 'S' } }),
  },
  {
    command: 'EnrollMember',
    stage: 'mobilizing',
    roles: ['committee', 'secretary'],
    own: { secretary: secretary('o1') },
    build: (k, a) => k.make('EnrollMember', a, { memberId: 'm3', orgId: 'o1', name: 'M3' }),
  },
  {
    command: 'PublishCommitment (organization)',
    stage: 'committing',
    roles: ['secretary'],
    own: { secretary: secretary('o1') },
    build: (k, a) => k.make('PublishCommitment', a, k.commitmentFields(o1)),
  },
  {
    command: 'PublishCommitment (member)',
    stage: 'committing',
    roles: ['member'],
    own: { member: member('m1') },
    build: (k, a) => k.make('PublishCommitment', a, k.commitmentFields(mem('m1'))),
  },
  {
    command: 'RecordLeadershipReview',
    stage: 'committed',
    roles: ['secretary'],
    own: { secretary: secretary('o1') },
    build: (k, a) => k.make('RecordLeadershipReview', a, { orgId: 'o1', topics: ['services'] }),
  },
  {
    command: 'RecordDisciplinaryViolation',
    stage: 'committed',
    roles: ['committee'],
    build: (k, a) =>
      k.make('RecordDisciplinaryViolation', a, { memberId: 'm2', description: 'took gifts' }),
  },
  {
    command: 'SubmitEvaluation',
    stage: 'evaluating',
    roles: ['public'],
    build: (k, a) =>
      k.make('SubmitEvaluation', a, {
        subject: o1,
        evaluatorId: a.id,
        ratings: {
          leadershipTeam: 'good',
          memberTeam: 'good',
          workMechanism: 'good',
          workPerformance: 'good',
          publicFeedback: 'good',
        },
      }),
  },
  {
    command: 'Nominate',
    stage: 'commending',
    roles: ['committee'],
    build: (k, a) => k.make('Nominate', a, { subject: o1 }),
  },
  {
    command: 'Recommend',
    stage: 'nominated',
    roles: ['public'],
    build: (k, a) => k.make('Recommend', a, { subject: o1 }),
  },
  {
    command: 'StartPublicNotice',
    stage: 'recommended',
    roles: ['committee'],
    build: (k, a) => k.make('StartPublicNotice', a, { subject: o1, days: 7 }),
  },
  {
    command: 'FileObjection',
    stage: 'notice',
    roles: ['public', 'member'],
    build: (k, a) =>
      k.make('FileObjection', a, {
        subject: o1,
        objectionId: 'ob-x',
        reason: 'closed at weekends',
      }),
  },
  {
    command: 'ResolveObjection',
    stage: 'objection',
    roles: ['committee'],
    build: (k, a) =>
      k.make('ResolveObjection', a, {
        subject: o1,
        objectionId: 'ob-1',
        upheld: false,
        finding: 'n/a',
      }),
  },
  {
    command: 'Commend',
    stage: 'noticeEnded',
    roles: ['committee'],
    build: (k, a) => k.make('Commend', a, { subject: o1 }),
  },
];

/** The actor of each role in the 4-role table: the "own" one where the self rules apply. */
const actorOf = (cell: Cell, role: ActorRef['role']): ActorRef =>
  cell.own?.[role] ??
  { committee, secretary: secretary('o1'), member: member('m1'), public: citizen(700) }[role];

/** Extra cells of the self rules: the right role but the wrong person. */
const SELF_CASES: ReadonlyArray<{ readonly command: string; readonly actor: ActorRef }> = [
  { command: 'EnrollMember', actor: secretary('o2') },
  { command: 'PublishCommitment (organization)', actor: secretary('o2') },
  { command: 'PublishCommitment (member)', actor: member('m2') },
  { command: 'RecordLeadershipReview', actor: secretary('o2') },
];

const ROLES: readonly ActorRef['role'][] = ['committee', 'secretary', 'member', 'public'];

interface CellResult {
  readonly allowed: boolean;
  readonly outcome: string;
  readonly rules: readonly string[];
  readonly appended: number;
}

const runCell = async (cell: Cell, actor: ActorRef): Promise<CellResult> => {
  const store = createMemoryEventStore();
  const engine = createCampaignEngine(store);
  const k = stage(cell.stage);
  await handleAll(engine, k.commands);
  const before = await store.head();
  const outcome = await engine.handle(cell.build(k, actor));
  const after = await store.head();
  const rules = isRejected(outcome) ? outcome.failures.map((f) => f.ruleId) : [];
  const own = cell.own?.[actor.role];
  const allowed = cell.roles.includes(actor.role) && (own === undefined || own.id === actor.id);
  return {
    allowed,
    outcome: outcome._tag,
    rules,
    appended: after.globalPosition - before.globalPosition,
  };
};

describe('authorization: the roles x commands table of docs/campaign.md', () => {
  it('matches the oracle in every cell: allowed commands are accepted, the others refused by an auth.* rule with nothing appended', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    let refused = 0;
    const check = async (cell: Cell, actor: ActorRef): Promise<void> => {
      cells += 1;
      const r = await runCell(cell, actor);
      const where = `${cell.command} by ${actor.role} ${actor.id}`;
      if (r.allowed) {
        if (r.outcome !== 'Accepted' || r.appended === 0)
          mismatches.push(
            `${where}: allowed by docs/campaign.md but ${r.outcome} [${r.rules.join(', ')}]`,
          );
      } else {
        refused += 1;
        if (r.outcome !== 'Rejected' || !r.rules.some((id) => id.startsWith('auth.')))
          mismatches.push(`${where}: not allowed but ${r.outcome} [${r.rules.join(', ')}]`);
        if (r.appended !== 0)
          mismatches.push(`${where}: refused but appended ${r.appended} events`);
      }
    };
    for (const cell of CELLS) for (const role of ROLES) await check(cell, actorOf(cell, role));
    for (const c of SELF_CASES) {
      const cell = CELLS.find((x) => x.command === c.command);
      if (cell === undefined) throw new Error(`no cell ${c.command}`);
      await check(cell, c.actor);
    }
    console.log(
      `authorization: ${cells} cells (${CELLS.length} rows: the 18 commands, PublishCommitment for each subject kind, x ${ROLES.length} roles + ${SELF_CASES.length} secretary/member-self cases), ${refused} refused with an auth.* rule, ${mismatches.length} mismatches with docs/campaign.md`,
    );
    expect(mismatches).toEqual([]);
    expect(cells).toBe(CELLS.length * ROLES.length + SELF_CASES.length);
  });
});
