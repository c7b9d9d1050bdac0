import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify, type StoredEvent } from '../../packages/eventlog/src/index.js';
import { createSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { assertBuilt, child, tempDir } from './support/paths.js';
import { intIn, prng, seedOf } from './support/prng.js';
import { spawnNode } from './support/spawnNode.js';

const ROUNDS = 50;

const isAck = (u: unknown): u is { ids: string[] } =>
  typeof u === 'object' &&
  u !== null &&
  'ids' in u &&
  Array.isArray(u.ids) &&
  u.ids.every((x) => typeof x === 'string');

const batchOf = (e: StoredEvent): string | undefined =>
  typeof e.data === 'object' &&
  e.data !== null &&
  'batch' in e.data &&
  typeof e.data['batch'] === 'string'
    ? e.data['batch']
    : undefined;

/**
 * Runs one writer and SIGKILLs it: either at a random moment of its start (before or while it opens
 * the file), or right after a random number of acknowledgements plus a random 0-3 ms. Resolves with
 * the ids it acknowledged.
 */
const killedRound = async (
  path: string,
  round: number,
  random: () => number,
): Promise<{ acked: Set<string>; signal: string | null }> => {
  const acked = new Set<string>();
  const acksBeforeKill = random() < 0.2 ? -1 : intIn(random, 0, 40);
  const killIn = (c: ChildProcess, ms: number): void => {
    setTimeout(() => c.kill('SIGKILL'), ms);
  };
  let armed = false;
  let acks = 0;
  const startDelay = intIn(random, 0, 150);
  const jitter = intIn(random, 0, 3);
  const run = spawnNode(child('killWriter.js'), [path, String(round)], {
    onLine: (line, c) => {
      if (armed) return;
      if (acksBeforeKill < 0) {
        armed = true;
        killIn(c, startDelay);
        return;
      }
      if (line === 'ready') {
        if (acksBeforeKill === 0) {
          armed = true;
          killIn(c, jitter);
        }
        return;
      }
      const ack: unknown = JSON.parse(line);
      if (!isAck(ack)) throw new Error(`bad ack ${line}`);
      for (const id of ack.ids) acked.add(id);
      acks += 1;
      if (acks >= acksBeforeKill) {
        armed = true;
        killIn(c, jitter);
      }
    },
  });
  const result = await run;
  // Lines printed after the kill was armed but before it landed are acknowledgements too.
  for (const line of result.stdout.split('\n')) {
    if (line === '' || line === 'ready') continue;
    const ack: unknown = JSON.parse(line);
    if (isAck(ack)) for (const id of ack.ids) acked.add(id);
  }
  if (result.signal !== 'SIGKILL')
    throw new Error(
      `writer ended by ${String(result.signal)} ${String(result.code)}: ${result.stderr}`,
    );
  return { acked, signal: result.signal };
};

describe('kill -9 during appends (SQLite file)', () => {
  const dir = tempDir();
  beforeAll(() => assertBuilt());
  afterAll(() => dir.remove());

  it(`${ROUNDS} seeded SIGKILLs: the store opens, verifies, keeps every acknowledged event, never half an appendMany, gap-free`, async () => {
    const seed = seedOf(20100510);
    const random = prng(seed);
    const path = dir.file('killed.db');
    const everAcked = new Set<string>();
    let pairs = 0;
    let events = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { acked } = await killedRound(path, round, random);
      for (const id of acked) everAcked.add(id);
      const store = createSqliteEventStore({ path });
      try {
        const result = await verify(store);
        expect(result, `round ${round}`).toMatchObject({ _tag: 'ChainVerified' });
        const ids = new Set<string>();
        const batches = new Map<string, number>();
        let expected = 1;
        for await (const e of store.readAll()) {
          expect(e.globalPosition).toBe(expected++);
          ids.add(e.eventId);
          const b = batchOf(e);
          if (b !== undefined) batches.set(b, (batches.get(b) ?? 0) + 1);
        }
        const missing = [...everAcked].filter((id) => !ids.has(id));
        expect(missing, `round ${round}: acknowledged events lost`).toEqual([]);
        const halves = [...batches].filter(([, n]) => n !== 2);
        expect(halves, `round ${round}: appendMany half visible`).toEqual([]);
        pairs = batches.size;
        events = ids.size;
      } finally {
        await store.close();
      }
    }
    console.log(
      `kill -9 (seed ${seed}): ${ROUNDS} rounds, ${events} events stored, ${everAcked.size} acknowledged and all present, ${pairs} two-stream appends all whole, chain verified after every round`,
    );
  }, 180_000);
});
