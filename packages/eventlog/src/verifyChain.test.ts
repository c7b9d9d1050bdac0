import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, JsonValueCodec, type StoredEvent } from './EventEnvelope.js';
import { computeEventHash } from './hashEvent.js';
import type { JsonValue } from './json.js';
import { planAppend } from './planAppend.js';
import { prepareEvents } from './prepareEvents.js';
import {
  createChainVerifier,
  isChainBroken,
  verifyEvents,
  type VerifyResult,
} from './verifyChain.js';

const at = '2025-01-01T00:00:00Z';

/** A valid log: one event per entry, in streams s0..s2, chained from genesis. */
const buildLog = (entries: readonly (readonly [number, JsonValue])[]): StoredEvent[] => {
  const log: StoredEvent[] = [];
  const versions = new Map<string, number>();
  for (const [i, [stream, data]] of entries.entries()) {
    const streamId = `s${stream}`;
    const eventId = `01900000-0000-7000-8000-${(i + 1).toString(16).padStart(12, '0')}`;
    const prepared = prepareEvents(
      streamId,
      [{ eventId, type: 'T', data, metadata: { at } }],
      () => eventId,
    );
    if (E.isLeft(prepared)) throw new Error(JSON.stringify(prepared.left));
    const last = log.at(-1);
    const plan = planAppend([{ streamId, expectedVersion: 'any', events: prepared.right }], {
      versions,
      existing: new Map(),
      head: { globalPosition: log.length, hash: last?.hash ?? GENESIS_HASH },
    });
    if (E.isLeft(plan) || plan.right._tag !== 'Write') throw new Error('no write');
    for (const { dataJson: _d, metadataJson: _m, ...e } of plan.right.rows) log.push(e);
    versions.set(streamId, (versions.get(streamId) ?? 0) + 1);
  }
  return log;
};

/** JSON data the log accepts (no `__proto__`, `constructor` or `prototype` keys). */
const plainJson = fc
  .jsonValue({ maxDepth: 2 })
  .map((v): JsonValue => {
    const d = JsonValueCodec.decode(v);
    if (E.isLeft(d)) throw new Error('fast-check gave a value that is not JSON');
    return d.right;
  })
  .filter((v) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(v)));

const entries = (min: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), plainJson), {
    minLength: min,
    maxLength: 12,
  });

/** Asserts the result is broken at the event found at `index` of the edited log. */
const brokenAt = (r: VerifyResult, edited: readonly StoredEvent[], index: number): void => {
  if (!isChainBroken(r))
    throw new Error(`expected ChainBroken at index ${index}, got ${JSON.stringify(r)}`);
  expect(r.globalPosition).toBe(edited[index]?.globalPosition);
  expect(r.streamId).toBe(edited[index]?.streamId);
  expect(r.streamPosition).toBe(edited[index]?.streamPosition);
};

type Edit = (
  log: StoredEvent[],
  k: number,
) => { readonly edited: StoredEvent[]; readonly firstBad: number };

const edits: Record<string, Edit> = {
  'flipped data': (log, k) => {
    const edited = [...log];
    const e = log[k]!;
    edited[k] = { ...e, data: { tampered: e.data } };
    return { edited, firstBad: k };
  },
  'altered metadata': (log, k) => {
    const edited = [...log];
    edited[k] = { ...log[k]!, metadata: { at: '2025-01-01T00:00:01Z' } };
    return { edited, firstBad: k };
  },
  'a re-hashed edit (a forger recomputes one hash)': (log, k) => {
    const edited = [...log];
    const changed = { ...log[k]!, type: 'Forged' };
    edited[k] = { ...changed, hash: computeEventHash(changed) };
    // k is never the last event here: a rewritten tail is only caught against a recorded head.
    return { edited, firstBad: k + 1 };
  },
  'deletion in the middle': (log, k) => ({ edited: log.filter((_, i) => i !== k), firstBad: k }),
  'a swap of neighbours': (log, k) => {
    const edited = [...log];
    [edited[k], edited[k + 1]] = [log[k + 1]!, log[k]!];
    return { edited, firstBad: k };
  },
  'an insertion of a well-formed forged event': (log, k) => {
    const prev = log[k - 1];
    const forged = {
      ...log[k]!,
      eventId: '01900000-0000-7000-8000-0000000fffff',
      type: 'Inserted',
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const inserted = { ...forged, hash: computeEventHash(forged) };
    return { edited: [...log.slice(0, k), inserted, ...log.slice(k)], firstBad: k + 1 };
  },
};

describe('verifyEvents', () => {
  it('passes every clean log, reporting its length and head hash (property)', async () => {
    await fc.assert(
      fc.asyncProperty(entries(0), async (es) => {
        const log = buildLog(es);
        expect(await verifyEvents(log)).toEqual({
          _tag: 'ChainVerified',
          events: log.length,
          headHash: log.at(-1)?.hash ?? GENESIS_HASH,
        });
      }),
      { numRuns: 100 },
    );
  });

  for (const [what, edit] of Object.entries(edits))
    it(`detects ${what} at the first bad event (property)`, async () => {
      await fc.assert(
        fc.asyncProperty(entries(3), fc.nat(), async (es, seed) => {
          const log = buildLog(es);
          // Deletion and swap need a later event; the others may hit any event.
          const k = seed % (log.length - 1);
          const { edited, firstBad } = edit(log, k);
          brokenAt(await verifyEvents(edited), edited, firstBad);
        }),
        { numRuns: 100 },
      );
    });

  it('names the reason of each kind of break', async () => {
    const log = buildLog([
      [0, 1],
      [1, 2],
      [0, 3],
    ]);
    const reason = async (events: StoredEvent[]) => {
      const r = await verifyEvents(events);
      return isChainBroken(r) ? r.reason : 'verified';
    };
    expect(await reason([log[0]!, log[2]!])).toMatch(/global position 3 where 2/);
    expect(await reason([log[0]!, { ...log[1]!, data: 9 }])).toMatch(/content/);
    expect(await reason([log[0]!, { ...log[1]!, prevHash: GENESIS_HASH }])).toMatch(/prevHash/);
    expect(await reason([log[0]!, log[1]!, { ...log[2]!, streamPosition: 3 }])).toMatch(
      /stream position 3 where 2/,
    );
  });
});

describe('createChainVerifier().checkLinks', () => {
  it('checks positions and prevHash as check does, and leaves the hash to its caller', () => {
    const log = buildLog([
      [0, 1],
      [1, 2],
      [0, 3],
    ]);
    const links = (events: StoredEvent[]) => {
      const v = createChainVerifier();
      for (const e of events) {
        const r = v.checkLinks(e);
        if (r !== undefined) return r.reason;
      }
      return v.verified();
    };
    // A wrong hash passes the links; the next event's prevHash is compared with the hash it claims.
    const forged = { ...log[1]!, data: 9 };
    expect(links([log[0]!, forged, log[2]!])).toEqual({
      _tag: 'ChainVerified',
      events: 3,
      headHash: log[2]!.hash,
    });
    expect(links([log[0]!, { ...log[1]!, hash: 'ab'.repeat(32) }, log[2]!])).toMatch(/prevHash/);
    expect(links([log[0]!, log[2]!])).toMatch(/global position 3 where 2/);
    expect(links([log[0]!, log[1]!, { ...log[2]!, streamPosition: 3 }])).toMatch(
      /stream position 3 where 2/,
    );
    // check and checkLinks share one chain: a checked event then a linked one.
    const v = createChainVerifier();
    expect([v.check(log[0]!), v.checkLinks(log[1]!), v.check(log[2]!)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(v.verified().events).toBe(3);
  });
});
