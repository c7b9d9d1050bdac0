import { afterAll, describe, expect, it } from 'vitest';
import { createCampaignEngine } from '../../packages/campaign/src/index.js';
import { createMemoryEventStore, type EventStore } from '../../packages/eventlog/src/index.js';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { CampaignScript, org, ratings, type Command } from './support/campaignScript.js';
import { handleAll } from './support/handleAll.js';
import { tempDir } from './support/paths.js';
import { intIn, prng, seedOf } from './support/prng.js';

const ORGS = 50;
const EVALUATORS = 140; // 50 x 140 = 7,000 unique commands
const REPEATS = 3_000; // 30% of the 10,000 commands sent
const CONFLICTS = 200;

/** A campaign in `evaluating` with ORGS committed organizations; then one evaluation per (org, evaluator). */
const scenario = (): { setup: Command[]; unique: Command[] } => {
  const k = new CampaignScript('idem2010');
  k.mobilize();
  for (let o = 1; o <= ORGS; o++) k.enrollOrg(`o${o}`);
  k.advance('committing');
  for (let o = 1; o <= ORGS; o++) k.commit(org(`o${o}`));
  k.advance('evaluating');
  const setup = [...k.commands];
  k.commands.length = 0;
  const grades = ['excellent', 'good', 'fair', 'poor'];
  for (let p = 1; p <= EVALUATORS; p++)
    for (let o = 1; o <= ORGS; o++) k.evaluate(org(`o${o}`), p, grades[(p + o) % 4]);
  return { setup, unique: [...k.commands] };
};

/** The unique commands with REPEATS exact copies of earlier ones slipped in at random later places. */
const withRepeats = (unique: readonly Command[], random: () => number): Command[] => {
  const after = new Map<number, Command[]>();
  for (let r = 0; r < REPEATS; r++) {
    const source = intIn(random, 0, unique.length - 1);
    const at = intIn(random, source, unique.length - 1);
    const copy = structuredClone(unique[source]);
    if (copy === undefined) throw new Error('no source');
    after.set(at, [...(after.get(at) ?? []), copy]);
  }
  return unique.flatMap((c, i) => [c, ...(after.get(i) ?? [])]);
};

const logOf = async (store: EventStore): Promise<string[]> => {
  const out: string[] = [];
  for await (const e of store.readAll()) out.push(`${e.globalPosition} ${e.eventId} ${e.hash}`);
  return out;
};

describe('idempotency of command ids through the campaign engine', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('10,000 commands with 30% repeated ids write exactly the events of the 7,000 unique ones; a reused id with another payload is a conflict that appends nothing', async () => {
    const seed = seedOf(7_000);
    const random = prng(seed);
    const { setup, unique } = scenario();
    const sent = withRepeats(unique, random);
    expect(sent.length).toBe(10_000);

    const store = createSqliteEventStore({ path: dir.file('idem.db') });
    const reference = createMemoryEventStore();
    try {
      const engine = createCampaignEngine(store);
      await handleAll(engine, setup);
      const seen = new Set<string>();
      let accepted = 0;
      let duplicates = 0;
      const wrong: string[] = [];
      for (const c of sent) {
        const outcome = await engine.handle(c);
        const repeat = seen.has(c.id);
        seen.add(c.id);
        if (outcome._tag !== 'Accepted') wrong.push(`${c.id}: ${outcome._tag}`);
        else if (outcome.duplicate !== repeat)
          wrong.push(`${c.id}: duplicate=${outcome.duplicate}`);
        else if (repeat && outcome.events.length > 0) wrong.push(`${c.id}: repeat appended`);
        else if (repeat) duplicates += 1;
        else accepted += 1;
      }
      expect(wrong).toEqual([]);

      // The same unique commands, once each, on another store: the logs must be identical.
      const refEngine = createCampaignEngine(reference);
      await handleAll(refEngine, [...setup, ...unique]);
      const [got, want] = [await logOf(store), await logOf(reference)];
      expect(got.length).toBe(want.length);
      expect(got).toEqual(want);

      // Reusing accepted ids for other payloads: a typed conflict, nothing appended.
      const before = await store.head();
      let conflicts = 0;
      for (let i = 0; i < CONFLICTS; i++) {
        const original = unique[intIn(random, 0, unique.length - 1)];
        if (original === undefined) throw new Error('no original');
        const poor = { ...original, ratings: ratings('organization', 'poor') };
        const changed =
          JSON.stringify(poor) === JSON.stringify(original)
            ? { ...original, ratings: ratings('organization', 'good') }
            : poor;
        const outcome = await engine.handle(changed);
        if (outcome._tag === 'Conflict' && outcome.reason === 'IdempotencyConflict') conflicts += 1;
        else wrong.push(`${original.id} with another payload: ${JSON.stringify(outcome)}`);
      }
      expect(wrong).toEqual([]);
      expect(await store.head()).toEqual(before);
      console.log(
        `idempotency (seed ${seed}): 10,000 commands (${accepted} unique accepted, ${duplicates} repeats answered as duplicates with no events); log identical to the unique-only run (${got.length} events, same ids and hashes); ${conflicts}/${CONFLICTS} reused ids with another payload -> IdempotencyConflict, 0 events appended`,
      );
    } finally {
      await store.close();
      await reference.close();
    }
  }, 180_000);
});
