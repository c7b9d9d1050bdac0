import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './EventEnvelope.js';
import { planAppend, type AppendSnapshot, type PreparedRequest } from './planAppend.js';
import { prepareEvents } from './prepareEvents.js';

// What a repeated append must match to count as the same batch, and how a batch that names a
// stream or an id twice is refused (where, and why).
const id = (n: number): string => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
interface Spec {
  readonly n: number;
  readonly schemaVersion?: number;
  readonly at?: string;
}
const request = (streamId: string, specs: readonly Spec[]): PreparedRequest => {
  const prepared = prepareEvents(
    streamId,
    specs.map(({ n, schemaVersion = 1, at = '2025-01-01T00:00:00Z' }) => ({
      eventId: id(n),
      type: 'A',
      schemaVersion,
      data: { n },
      metadata: { at },
    })),
    () => 'unused',
  );
  if (E.isLeft(prepared)) throw new Error(JSON.stringify(prepared.left));
  return { streamId, expectedVersion: 'any', events: prepared.right };
};
const empty: AppendSnapshot = {
  versions: new Map(),
  existing: new Map(),
  head: { globalPosition: 0, hash: GENESIS_HASH },
};
/** The snapshot after the first write of `first`, as a store reads it for a repeat. */
const afterFirst = (first: PreparedRequest): AppendSnapshot => {
  const plan = planAppend([first], empty);
  if (E.isLeft(plan) || plan.right._tag !== 'Write') throw new Error('expected Write');
  const rows = plan.right.rows;
  return {
    versions: new Map([[first.streamId, rows.length]]),
    existing: new Map(rows.map((r) => [r.eventId, r])),
    head: { globalPosition: rows.length, hash: rows.at(-1)?.hash ?? GENESIS_HASH },
  };
};

describe('planAppend: a repeat must match what was stored', () => {
  it('refuses a stored id repeated with another schema version', () => {
    const snapshot = afterFirst(request('a', [{ n: 1 }]));
    expect(planAppend([request('a', [{ n: 1, schemaVersion: 2 }])], snapshot)).toEqual(
      E.left({
        _tag: 'IdempotencyConflict',
        eventId: id(1),
        streamId: 'a',
        reason: 'id already stored with different content',
      }),
    );
  });

  it('refuses a stored id repeated with other metadata', () => {
    const snapshot = afterFirst(request('a', [{ n: 1 }]));
    expect(planAppend([request('a', [{ n: 1, at: '2025-01-02T00:00:00Z' }])], snapshot)).toEqual(
      E.left({
        _tag: 'IdempotencyConflict',
        eventId: id(1),
        streamId: 'a',
        reason: 'id already stored with different content',
      }),
    );
  });

  it('answers an exact repeat with the stored positions, its version the highest of them', () => {
    const first = request('a', [{ n: 1 }, { n: 2 }, { n: 3 }]);
    const again = planAppend([first], afterFirst(first));
    if (E.isLeft(again) || again.right._tag !== 'Duplicate') throw new Error('expected Duplicate');
    expect(again.right.results.map((r) => [r.streamVersion, r.globalPositions])).toEqual([
      [3, [1, 2, 3]],
    ]);
  });
});

describe('planAppend: a batch names each stream and each id once', () => {
  it('refuses a stream named twice at the second request, saying why', () => {
    expect(planAppend([request('a', []), request('b', []), request('a', [])], empty)).toEqual(
      E.left({
        _tag: 'InvalidEvent',
        path: 'requests[2].streamId',
        reason: 'a stream may appear only once per appendMany',
      }),
    );
  });

  it('refuses an id repeated in a later request at its own place there, saying why', () => {
    // (prepareEvents already refuses an id twice within one request)
    const twice = [request('a', [{ n: 1 }]), request('b', [{ n: 2 }, { n: 3 }, { n: 1 }])];
    expect(planAppend(twice, empty)).toEqual(
      E.left({
        _tag: 'InvalidEvent',
        path: 'requests[1].events[2].eventId',
        reason: 'event id repeated within the batch',
      }),
    );
  });
});
