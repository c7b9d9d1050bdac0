import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  campaignWorkflow,
  createCampaignEngine,
  subjectWorkflow,
} from '../../packages/campaign/src/index.js';
import { foldEvents } from '../../packages/engine/src/index.js';
import {
  createMemoryEventStore,
  type ReadStreamOptions,
  type StoredEvent,
} from '../../packages/eventlog/src/index.js';
import {
  CampaignScript,
  citizen,
  committee,
  mem,
  org,
  type Command,
} from './support/campaignScript.js';
import { assertBuilt, child, fixture } from './support/paths.js';
import { seedOf } from './support/prng.js';
import { linesOf, spawnNode } from './support/spawnNode.js';

const isGolden = (u: unknown): u is { events: number; headHash: string; stateHash: string } =>
  typeof u === 'object' &&
  u !== null &&
  'events' in u &&
  typeof u.events === 'number' &&
  'headHash' in u &&
  typeof u.headHash === 'string' &&
  'stateHash' in u &&
  typeof u.stateHash === 'string';

const isReplay = (
  u: unknown,
): u is { stateHash: string; events: number; timeZone: string; offsetMinutes: number } =>
  typeof u === 'object' &&
  u !== null &&
  'stateHash' in u &&
  'timeZone' in u &&
  'offsetMinutes' in u &&
  'events' in u;

describe('determinism of replay', () => {
  beforeAll(() => assertBuilt());

  it('replays the recorded Zhengzhou history to the golden state hash in fresh processes with TZ=UTC and TZ=Asia/Shanghai', async () => {
    const golden: unknown = JSON.parse(readFileSync(fixture('zhengzhou-2010.state.json'), 'utf8'));
    if (!isGolden(golden)) throw new Error('zhengzhou-2010.state.json is malformed');
    const seen: string[] = [];
    for (const [tz, offset] of [
      ['UTC', 0],
      ['Asia/Shanghai', -480],
    ] as const) {
      const run = await spawnNode(
        child('stateOfLog.js'),
        [fixture('zhengzhou-2010.events.jsonl')],
        { env: { TZ: tz } },
      );
      expect(run.stderr).toBe('');
      const out: unknown = JSON.parse(linesOf(run.stdout)[0] ?? 'null');
      if (!isReplay(out)) throw new Error(`unexpected output ${run.stdout}`);
      expect(out.timeZone).toBe(tz);
      expect(out.offsetMinutes).toBe(offset);
      expect(out.events).toBe(golden.events);
      expect(out.stateHash).toBe(golden.stateHash);
      seen.push(`${tz} ${out.stateHash.slice(0, 12)}`);
    }
    console.log(
      `determinism: golden Zhengzhou log (${golden.events} events) replays to state hash ${golden.stateHash.slice(0, 12)}… in fresh processes: ${seen.join(', ')}`,
    );
  });
});

/** One step of a random campaign: interpreted against a script (many are refused, which is fine). */
type Step =
  | { readonly kind: 'org'; readonly n: number }
  | { readonly kind: 'member'; readonly n: number; readonly org: number }
  | { readonly kind: 'advance'; readonly to: number }
  | { readonly kind: 'commit'; readonly org: number; readonly member: boolean }
  | { readonly kind: 'evaluate'; readonly org: number; readonly by: number; readonly grade: number }
  | { readonly kind: 'review'; readonly org: number }
  | { readonly kind: 'nominate'; readonly org: number }
  | { readonly kind: 'recommend'; readonly org: number; readonly by: number }
  | { readonly kind: 'notice'; readonly org: number }
  | { readonly kind: 'commend'; readonly org: number }
  | { readonly kind: 'days'; readonly d: number };

const small = fc.integer({ min: 1, max: 4 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('advance' as const), to: fc.constant(1) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('evaluate' as const),
      org: small,
      by: fc.integer({ min: 1, max: 14 }),
      grade: fc.integer({ min: 0, max: 1 }),
    }),
    weight: 6,
  },
  fc.record({ kind: fc.constant('org' as const), n: small }),
  fc.record({ kind: fc.constant('member' as const), n: small, org: small }),
  fc.record({ kind: fc.constant('advance' as const), to: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('commit' as const), org: small, member: fc.boolean() }),
  fc.record({
    kind: fc.constant('evaluate' as const),
    org: small,
    by: fc.integer({ min: 1, max: 14 }),
    grade: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('review' as const), org: small }),
  fc.record({ kind: fc.constant('nominate' as const), org: small }),
  fc.record({
    kind: fc.constant('recommend' as const),
    org: small,
    by: fc.integer({ min: 1, max: 14 }),
  }),
  fc.record({ kind: fc.constant('notice' as const), org: small }),
  fc.record({ kind: fc.constant('commend' as const), org: small }),
  fc.record({ kind: fc.constant('days' as const), d: fc.integer({ min: 1, max: 10 }) }),
);

const PHASES = ['committing', 'evaluating', 'commending', 'concluded'];
const GRADES = ['excellent', 'good', 'fair', 'poor'];

const commandsOf = (steps: readonly Step[]): Command[] => {
  const k = new CampaignScript('det2010');
  k.mobilize();
  for (let n = 1; n <= 3; n++) k.enrollOrg(`o${n}`).enrollMember(`m${n}`, `o${n}`);
  k.advance('committing');
  for (let n = 1; n <= 3; n++) k.commit(org(`o${n}`)).commit(mem(`m${n}`));
  for (const s of steps) {
    switch (s.kind) {
      case 'org':
        k.enrollOrg(`o${s.n}`);
        break;
      case 'member':
        k.enrollMember(`m${s.n}`, `o${s.org}`);
        break;
      case 'advance':
        if (PHASES[s.to] === 'concluded') k.add('ConcludeCampaign', committee);
        else k.advance(PHASES[s.to] ?? 'committing');
        break;
      case 'commit':
        k.commit(s.member ? mem(`m${s.org}`) : org(`o${s.org}`));
        break;
      case 'evaluate':
        k.evaluate(org(`o${s.org}`), s.by, GRADES[s.grade]);
        break;
      case 'review':
        k.add(
          'RecordLeadershipReview',
          { id: `s-o${s.org}`, role: 'secretary' },
          {
            orgId: `o${s.org}`,
            topics: ['services'],
          },
        );
        break;
      case 'nominate':
        k.nominate(org(`o${s.org}`));
        break;
      case 'recommend':
        k.add('Recommend', citizen(s.by), { subject: org(`o${s.org}`) });
        break;
      case 'notice':
        k.startNotice(org(`o${s.org}`), 7);
        break;
      case 'commend':
        k.commend(org(`o${s.org}`));
        break;
      case 'days':
        k.days(s.d);
        break;
    }
  }
  return k.commands;
};

describe('snapshot + tail equals full replay', () => {
  it('for random campaign workflows, every stream loaded from snapshots (every 1-5 events) equals the full fold, and snapshots change no decision', async () => {
    const seed = seedOf(2012);
    let streams = 0;
    let events = 0;
    let snapshotted = 0;
    let resumed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 10, maxLength: 120 }),
        fc.integer({ min: 1, max: 5 }),
        async (steps, every) => {
          const commands = commandsOf(steps);
          const plain = createMemoryEventStore();
          const snapped = createMemoryEventStore();
          // Where each read of the snapshotted store starts: past position 1 means a snapshot was used.
          const froms: number[] = [];
          const watched = new Proxy(snapped, {
            get: (target, key, receiver): unknown =>
              key === 'readStream'
                ? (streamId: string, options?: ReadStreamOptions) => {
                    froms.push(options?.from ?? 1);
                    return target.readStream(streamId, options);
                  }
                : Reflect.get(target, key, receiver),
          });
          const a = createCampaignEngine(plain, { snapshotEvery: 0 });
          // No state cache: every command loads its streams from the store, so from the snapshots.
          const b = createCampaignEngine(watched, { snapshotEvery: every, stateCacheSize: 0 });
          for (const c of commands) {
            const [x, y] = [await a.handle(c), await b.handle(c)];
            expect(y._tag).toBe(x._tag);
          }
          expect(await snapped.head()).toEqual(await plain.head());
          const byStream = new Map<string, StoredEvent[]>();
          for await (const e of plain.readAll())
            byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
          for (const [streamId, list] of byStream) {
            froms.length = 0;
            const [loaded, full] = streamId.startsWith('campaign-')
              ? [await b.load(campaignWorkflow, streamId), foldEvents(campaignWorkflow, list)]
              : [await b.load(subjectWorkflow, streamId), foldEvents(subjectWorkflow, list)];
            expect(loaded).toEqual(full);
            if (froms.some((from) => from > 1)) resumed += 1;
            const key = streamId.startsWith('campaign-')
              ? campaignWorkflow.snapshotKey
              : subjectWorkflow.snapshotKey;
            if ((await snapped.loadSnapshot(streamId, key)) !== undefined) snapshotted += 1;
            streams += 1;
            events += list.length;
          }
        },
      ),
      { numRuns: 40, seed },
    );
    console.log(
      `determinism, snapshots (fast-check seed ${seed}): 40 random campaigns, ${streams} streams (${events} events, ${snapshotted} of them with a snapshot, ${resumed} loaded from one) loaded as snapshot + tail equal to the full replay`,
    );
    // Equality is trivial if no snapshot was written, or none was read back: prove both happened.
    expect(snapshotted, 'streams with a snapshot saved').toBeGreaterThan(streams / 4);
    expect(resumed, 'loads that started from a snapshot').toBeGreaterThan(streams / 4);
  }, 120_000);
});
