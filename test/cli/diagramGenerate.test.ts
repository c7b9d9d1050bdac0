import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, oneErrorLine, tempDir } from '../support/cliFixtures.js';
import { asArray, asRecord } from '../support/exampleExpectations.js';
import { runCli, type CliRun } from '../support/runCli.js';

// `strive diagram` and `strive generate`. A generated campaign is run, and every stream of its log is
// walked through the printed Mermaid diagram: the diagram must allow each event in order and end in the
// state the report shows, which only holds if it was derived from the machines that evolve the state.

const tmp = tempDir('cli-diagram');
const db = tmp.path('generated.db');
const SMALL = ['--orgs', '3', '--members-per-org', '2', '--evaluators', '10', '--seed', '7'];
let campaignDiagram: CliRun;
let subjectDiagram: CliRun;
let generated: CliRun;
let generatedAgain: CliRun;
let otherSeed: CliRun;
let ran: CliRun;
let log: Record<string, unknown>[] = [];
let report: Record<string, unknown> = {};

beforeAll(async () => {
  [campaignDiagram, subjectDiagram, generated, generatedAgain, otherSeed] = await Promise.all([
    runCli(['diagram', 'campaign']),
    runCli(['diagram', 'subject', '--format', 'mermaid']),
    runCli(['generate', ...SMALL]),
    runCli(['generate', ...SMALL]),
    runCli(['generate', ...SMALL.slice(0, -1), '8']),
  ]);
  ran = await runCli(['run', '-', '--db', db, '--json'], { input: generated.stdout });
  const [exported, reported] = await Promise.all([
    runCli(['export', '--db', db]),
    runCli(['report', '--db', db, '--json']),
  ]);
  log = jsonLines(exported.stdout).map((u) => asRecord(u));
  report = asRecord(JSON.parse(reported.stdout));
});
afterAll(() => tmp.remove());

interface Diagram {
  readonly names: ReadonlyMap<string, string>;
  readonly initial: string;
  readonly finals: readonly string[];
  readonly edges: readonly { from: string; to: string; event: string }[];
}

const parseMermaid = (text: string): Diagram => {
  const names = new Map<string, string>();
  const edges: { from: string; to: string; event: string }[] = [];
  const finals: string[] = [];
  let initial = '';
  for (const line of text
    .split('\n')
    .slice(1)
    .map((l) => l.trim())) {
    const state = /^state "([^"]+)" as (\w+)$/.exec(line);
    const start = /^\[\*\] --> (\w+)$/.exec(line);
    const end = /^(\w+) --> \[\*\]$/.exec(line);
    const edge = /^(\w+) --> (\w+): (\w+)( \[\w+\])?$/.exec(line);
    if (state?.[1] !== undefined && state[2] !== undefined) names.set(state[2], state[1]);
    else if (start?.[1] !== undefined) initial = start[1];
    else if (end?.[1] !== undefined) finals.push(end[1]);
    else if (edge?.[1] !== undefined && edge[2] !== undefined && edge[3] !== undefined)
      edges.push({ from: edge[1], to: edge[2], event: edge[3] });
    else if (line !== '') throw new Error(`unexpected Mermaid line: ${line}`);
  }
  return { names, initial, finals, edges };
};

/** The states a stream can be in after its events, following the diagram (guards make it a set). */
const walk = (d: Diagram, types: readonly string[]): string[] => {
  let states = new Set([d.initial]);
  for (const type of types) {
    const next = new Set(
      d.edges.filter((e) => states.has(e.from) && e.event === type).map((e) => e.to),
    );
    if (next.size === 0) throw new Error(`no transition on ${type} from ${[...states].join(', ')}`);
    states = next;
  }
  return [...states].map((s) => d.names.get(s) ?? s);
};

const typesOf = (streamId: string): string[] =>
  log.filter((e) => e['streamId'] === streamId).map((e) => String(e['type']));

describe('strive diagram', () => {
  it('prints Mermaid state diagrams naming every phase and subject state of docs/campaign.md', () => {
    for (const r of [campaignDiagram, subjectDiagram]) {
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('stateDiagram-v2');
    }
    const campaign = parseMermaid(campaignDiagram.stdout);
    expect([...campaign.names.values()]).toEqual(
      expect.arrayContaining(['mobilizing', 'committing', 'evaluating', 'commending', 'concluded']),
    );
    expect(campaign.finals.map((f) => campaign.names.get(f))).toEqual(['concluded']);
    const subject = parseMermaid(subjectDiagram.stdout);
    expect([...subject.names.values()]).toEqual(
      expect.arrayContaining([
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

  it('follows every stream of a real log to the state the report shows', () => {
    const campaign = parseMermaid(campaignDiagram.stdout);
    const subject = parseMermaid(subjectDiagram.stdout);
    const campaigns = asArray(report['campaigns']).map((c) => asRecord(c));
    const subjects = asArray(report['subjects']).map((s) => asRecord(s));
    expect(campaigns.length).toBe(1);
    expect(subjects.length).toBe(9);
    for (const c of campaigns)
      expect(walk(campaign, typesOf(`campaign-${String(c['id'])}`))).toContain(c['phase']);
    for (const s of subjects) {
      const stream = `subject-${String(s['campaignId'])}-${String(s['kind'])}-${String(s['id'])}`;
      expect(walk(subject, typesOf(stream)), stream).toContain(s['state']);
    }
  });

  it('exits 2 with one line for an unknown workflow or format', async () => {
    const [unknown, format] = await Promise.all([
      runCli(['diagram', 'payroll']),
      runCli(['diagram', 'campaign', '--format', 'dot']),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(oneErrorLine(unknown)).toBe(
      'strive: unknown workflow "payroll"; known: campaign, subject',
    );
    expect(format.code).toBe(2);
    expect(oneErrorLine(format)).toMatch(/--format must be mermaid/);
  });
});

describe('strive generate', () => {
  it('prints the same bytes for the same seed and different ones for another seed', () => {
    expect(generated.code).toBe(0);
    expect(generated.stdout.length).toBeGreaterThan(0);
    expect(generatedAgain.stdout).toBe(generated.stdout);
    expect(otherSeed.stdout).not.toBe(generated.stdout);
  });

  it('makes a campaign whose every line is accepted', () => {
    expect(ran.code).toBe(0);
    const results = jsonLines(ran.stdout).map((u) => asRecord(u));
    expect(results.length).toBe(generated.stdout.trim().split('\n').length);
    expect(results.filter((r) => r['ok'] !== true)).toEqual([]);
    expect(asArray(report['honourRoll']).length).toBeGreaterThan(0);
  });

  it('defaults to 10 organizations, 3 members each, 12 evaluators and seed 1', async () => {
    const [defaults, explicit] = await Promise.all([
      runCli(['generate']),
      runCli([
        'generate',
        '--orgs',
        '10',
        '--members-per-org',
        '3',
        '--evaluators',
        '12',
        '--seed',
        '1',
      ]),
    ]);
    expect(defaults.code).toBe(0);
    expect(defaults.stdout).toBe(explicit.stdout);
    const commands = jsonLines(defaults.stdout).map((u) => asRecord(u));
    expect(commands.filter((c) => c['type'] === 'EnrollOrganization').length).toBe(10);
    expect(commands.filter((c) => c['type'] === 'EnrollMember').length).toBe(30);
  });

  it('exits 2 naming the flag when a count is not a whole number in range', async () => {
    const cases: [string[], RegExp][] = [
      [['--orgs', '0'], /--orgs must be a whole number from 1/],
      [['--members-per-org', '1.5'], /--members-per-org must be a whole number/],
      [['--evaluators', 'many'], /--evaluators must be a whole number/],
      [['--seed', '-1'], /--seed/],
      [['--colour', 'red'], /unknown option '--colour'/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(['generate', ...args])));
    for (const [i, r] of runs.entries()) {
      expect(r.code, cases[i]?.[0].join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(cases[i]?.[1] ?? /./);
    }
  });
});
