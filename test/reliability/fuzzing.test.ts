import {
  appendToStream,
  createMemoryEventStore,
  type EventStore,
} from '../../packages/eventlog/src/index.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../../packages/campaign/src/index.js';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import {
  CampaignScript,
  committee,
  member,
  mem,
  org,
  secretary,
  type Command,
} from './support/campaignScript.js';
import { handleAll } from './support/handleAll.js';
import { hostileAppend } from './support/hostileAppend.js';
import {
  DEEP_ARRAY,
  DEEP_OBJECT,
  mutate,
  mutationArb,
  pathsOf,
  type Mutation,
  type Shape,
} from './support/mutations.js';
import { assertBuilt, runCli, tempDir } from './support/paths.js';
import { seedOf } from './support/prng.js';
import { openRawSqlite } from './support/rawSqlite.js';

const SEED = seedOf(1010);
const COMMAND_RUNS = 5_000;
const MEMORY_EVENT_RUNS = 3_000;
const SQLITE_EVENT_RUNS = 2_000;
const CLI_RUNS = 4;
const CLI_LINES = 250;

/** A campaign in `committing` with orgs o1, o2 (secretaries) and member m1 of o1. */
const setup = (): CampaignScript => {
  const k = new CampaignScript('fuzz2010');
  k.mobilize().enrollOrg('o1').enrollOrg('o2').enrollMember('m1', 'o1').advance('committing');
  return k;
};

/** Commands each accepted in that state, without optional fields (so every key is required). */
const bases = (k: CampaignScript): Command[] => [
  k.make('EnrollOrganization', committee, { orgId: 'o9', name: 'Org 9', category: 'school' }),
  k.make('EnrollMember', committee, { memberId: 'm9', orgId: 'o1', name: 'M9' }),
  k.make('PublishCommitment', secretary('o1'), k.commitmentFields(org('o1'))),
  k.make('PublishCommitment', member('m1'), k.commitmentFields(mem('m1'))),
  k.make('RecordDisciplinaryViolation', committee, { memberId: 'm1', description: 'gifts' }),
  k.make('AssignFirstResponsible', committee, { orgId: 'o2', secretary: { id: 's-x', name: 'X' } }),
  k.make('AdvancePhase', committee, { to: 'evaluating' }),
  k.make('LaunchCampaign', committee, {
    campaignId: 'fuzz2',
    title: 'Another campaign',
    endsAt: '2012-12-31T23:59:59+08:00',
    objectives: ['serve the people'],
    principles: ['seek real results'],
  }),
];

const commandShape = (c: Command): Shape => ({
  required: new Set(
    pathsOf(c).map((p) => p.path.map((k) => (typeof k === 'number' ? '*' : k)).join('.')),
  ),
  anyJson: new Set(),
  openObjects: new Set(),
});

const BASE_EVENT = {
  type: 'Fuzzed',
  data: { a: 1, b: 'text', c: [1, 'two', { d: null }], e: { f: true } },
  metadata: {
    at: '2010-05-10T09:00:00+08:00',
    actor: { id: 'u1', role: 'public' },
    commandId: 'c1',
  },
};
const EVENT_SHAPE: Shape = {
  required: new Set([
    'type',
    'data',
    'metadata',
    'metadata.at',
    'metadata.actor.id',
    'metadata.actor.role',
  ]),
  anyJson: new Set(['data']),
  openObjects: new Set(['data']),
};

describe('fuzzing the write boundary', () => {
  beforeAll(() => assertBuilt());

  it(`refuses ${COMMAND_RUNS} mutated campaign commands with a typed outcome, appending nothing`, async () => {
    const store = createMemoryEventStore();
    const engine = createCampaignEngine(store);
    const k = setup();
    await handleAll(engine, k.commands);
    const candidates = bases(k);
    // Each unmutated base is accepted on a copy of the state: the mutation alone is refused.
    for (const c of candidates) {
      const copy = createMemoryEventStore();
      const e = createCampaignEngine(copy);
      await handleAll(e, setup().commands);
      expect((await e.handle(c))._tag, `${c.type} unmutated`).toBe('Accepted');
    }
    const head = await store.head();
    const tags = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutationArb, async (pick, m: Mutation) => {
        const base = candidates[pick % candidates.length];
        if (base === undefined) throw new Error('no base');
        const { value, what } = mutate(base, m, commandShape(base));
        const outcome = await engine.handle(value);
        expect(['Invalid', 'Rejected'], `${base.type} ${what}: ${outcome._tag}`).toContain(
          outcome._tag,
        );
        expect(await store.head(), `${base.type} ${what}`).toEqual(head);
        tags.set(outcome._tag, (tags.get(outcome._tag) ?? 0) + 1);
      }),
      { numRuns: COMMAND_RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(
      `fuzzing, commands (fast-check seed ${SEED}): ${COMMAND_RUNS} mutated commands refused (${[...tags].map(([t, n]) => `${t} ${n}`).join(', ')}), head unchanged, nothing thrown`,
    );
  }, 300_000);

  const eventRuns = async (
    store: EventStore,
    runs: number,
    seed: number,
    count: () => number,
  ): Promise<void> => {
    const before = { head: await store.head(), rows: count() };
    await fc.assert(
      fc.asyncProperty(mutationArb, fc.boolean(), async (m, withValidNeighbour) => {
        const { value, what } = mutate(BASE_EVENT, m, EVENT_SHAPE);
        const events: unknown[] = withValidNeighbour ? [BASE_EVENT, value] : [value];
        const r = await hostileAppend(store, 'fuzzed-stream', events);
        const stored = r._tag === 'Right' ? JSON.stringify(r.right).slice(0, 600) : '';
        expect(r, `${what} ${stored}`).toMatchObject({
          _tag: 'Left',
          left: { _tag: 'InvalidEvent' },
        });
        expect(await store.head(), what).toEqual(before.head);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    expect(count()).toBe(before.rows);
  };

  it(`refuses ${MEMORY_EVENT_RUNS} mutated events on the memory store and ${SQLITE_EVENT_RUNS} on SQLite with InvalidEvent, rows and head unchanged`, async () => {
    const dir = tempDir();
    const path = dir.file('fuzz.db');
    const memory = createMemoryEventStore();
    const sqlite = createSqliteEventStore({ path });
    const raw = openRawSqlite(path);
    try {
      for (const s of [memory, sqlite]) {
        const r = await appendToStream(s, 'fuzzed-stream', [BASE_EVENT], {
          expectedVersion: 'any',
        });
        expect(r._tag).toBe('Right');
      }
      const memRows = (): number => 1;
      await eventRuns(memory, MEMORY_EVENT_RUNS, SEED + 1, memRows);
      const sqlRows = (): number => {
        const row = raw.prepare('SELECT COUNT(*) AS n FROM events').get();
        return typeof row === 'object' && row !== null && 'n' in row ? Number(row.n) : -1;
      };
      await eventRuns(sqlite, SQLITE_EVENT_RUNS, SEED + 2, sqlRows);
      expect(sqlRows()).toBe(1);
      expect((await memory.head()).globalPosition).toBe(1);
      console.log(
        `fuzzing, events (fast-check seeds ${SEED + 1}, ${SEED + 2}): ${MEMORY_EVENT_RUNS} (memory) + ${SQLITE_EVENT_RUNS} (SQLite) mutated events refused with InvalidEvent; SQLite rows stay 1, heads unchanged`,
      );
    } finally {
      raw.close();
      await sqlite.close();
      dir.remove();
    }
  }, 300_000);
});

describe('unknown keys inside metadata.actor', () => {
  it('refuses an event whose metadata.actor has an unknown key', async () => {
    const store = createMemoryEventStore();
    const actor = { id: 'u1', role: 'public', extra: 'x' };
    const event = { ...BASE_EVENT, metadata: { ...BASE_EVENT.metadata, actor } };
    const r = await appendToStream(store, 's', [event], { expectedVersion: 'any' });
    expect(r).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent' } });
  });
});

/**
 * A command as a JSONL line: NaN and infinities become the bare literals JSON forbids, and the
 * 10,000-deep values are written as text (JSON.stringify with a replacer would recurse that deep).
 */
const lineOf = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return `@@${String(v)}@@`;
    if (v === DEEP_ARRAY) return '@@DEEP_ARRAY@@';
    if (v === DEEP_OBJECT) return '@@DEEP_OBJECT@@';
    return v;
  })
    .replace(/"@@(NaN|Infinity|-Infinity)@@"/g, '$1')
    .replace('"@@DEEP_ARRAY@@"', `${'['.repeat(10_000)}1${']'.repeat(10_000)}`)
    .replace('"@@DEEP_OBJECT@@"', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);

describe('fuzzing the CLI JSONL input', () => {
  const dir = tempDir();
  beforeAll(() => assertBuilt());
  afterAll(() => dir.remove());

  it(`refuses every line of ${CLI_RUNS} runs of ${CLI_LINES} fuzzed lines, leaving the store unchanged`, async () => {
    const db = dir.file('cli.db');
    const k = setup();
    const init = await runCli(['run', '-', '--db', db, '--json'], {
      input: k.commands.map((c) => `${JSON.stringify(c)}\n`).join(''),
    });
    expect(init.code).toBe(0);
    const exported = (await runCli(['export', '--db', db])).stdout;
    const candidates = bases(k);
    const samples = fc.sample(fc.tuple(fc.nat(), mutationArb), {
      numRuns: CLI_RUNS * CLI_LINES,
      seed: SEED + 3,
    });
    let refused = 0;
    let hugeLines = 0;
    for (let run = 0; run < CLI_RUNS; run++) {
      const lines = samples.slice(run * CLI_LINES, (run + 1) * CLI_LINES).map(([pick, m]) => {
        const base = candidates[pick % candidates.length];
        if (base === undefined) throw new Error('no base');
        // 10 MB lines only in the first run, to keep the files small.
        const kind = m.kind === 'hugeString' && (run > 0 || hugeLines++ >= 3) ? 'extraKey' : m.kind;
        return lineOf(mutate(base, { ...m, kind }, commandShape(base)).value);
      });
      lines.push(
        '{"type": "LaunchCampaign", "id": ',
        'not json at all',
        '[]',
        'null',
        '"a string"',
      );
      const file = dir.file(`fuzz-${run}.jsonl`);
      await import('node:fs').then((fs) => fs.writeFileSync(file, `${lines.join('\n')}\n`));
      const r = await runCli(['run', file, '--db', db, '--json']);
      expect(r.code, r.stderr).toBe(1);
      const out = r.stdout.split('\n').filter((l) => l !== '');
      expect(out.length).toBe(lines.length);
      for (const l of out) {
        const parsed: unknown = JSON.parse(l);
        expect(parsed, l.slice(0, 300)).toMatchObject({ ok: false });
        refused += 1;
      }
      expect((await runCli(['export', '--db', db])).stdout).toBe(exported);
    }
    console.log(
      `fuzzing, CLI (seed ${SEED + 3}): ${CLI_RUNS} runs, ${refused} fuzzed JSONL lines all refused (ok:false, exit 1), exported log byte-identical after each run`,
    );
  }, 300_000);
});
