import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './EventEnvelope.js';
import type { ExpectedVersion } from './ExpectedVersion.js';
import { computeEventHash } from './hashEvent.js';
import {
  planAppend,
  type AppendSnapshot,
  type PreparedRequest,
  type StoredRow,
} from './planAppend.js';
import { prepareEvents } from './prepareEvents.js';

const id = (n: number): string => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const request = (
  streamId: string,
  expectedVersion: ExpectedVersion,
  events: readonly (readonly [number, string, number])[],
): PreparedRequest => {
  const prepared = prepareEvents(
    streamId,
    events.map(([n, type, x]) => ({
      eventId: id(n),
      type,
      data: { x },
      metadata: { at: '2025-01-01T00:00:00Z' },
    })),
    () => 'unused',
  );
  if (E.isLeft(prepared)) throw new Error(JSON.stringify(prepared.left));
  return { streamId, expectedVersion, events: prepared.right };
};
const empty: AppendSnapshot = {
  versions: new Map(),
  existing: new Map(),
  head: { globalPosition: 0, hash: GENESIS_HASH },
};
const written = (plan: ReturnType<typeof planAppend>) => {
  if (E.isLeft(plan) || plan.right._tag !== 'Write')
    throw new Error(`expected Write, got ${JSON.stringify(plan)}`);
  return plan.right;
};
/** The snapshot a store would read after writing `rows` on top of `base`. */
const after = (rows: readonly StoredRow[], ids: readonly string[]): AppendSnapshot => {
  const last = rows.at(-1);
  const versions = new Map<string, number>();
  for (const r of rows) versions.set(r.streamId, r.streamPosition);
  return {
    versions,
    existing: new Map(rows.filter((r) => ids.includes(r.eventId)).map((r) => [r.eventId, r])),
    head: { globalPosition: last?.globalPosition ?? 0, hash: last?.hash ?? GENESIS_HASH },
  };
};

describe('planAppend', () => {
  it('numbers rows from the head and the stream versions and chains their hashes', () => {
    const snapshot: AppendSnapshot = {
      ...empty,
      versions: new Map([['b', 4]]),
      head: { globalPosition: 10, hash: 'a'.repeat(64) },
    };
    const plan = written(
      planAppend(
        [
          request('a', 'no-stream', [
            [1, 'A', 1],
            [2, 'A', 2],
          ]),
          request('b', 4, [[3, 'B', 3]]),
        ],
        snapshot,
      ),
    );
    expect(plan.rows.map((r) => [r.streamId, r.streamPosition, r.globalPosition])).toEqual([
      ['a', 1, 11],
      ['a', 2, 12],
      ['b', 5, 13],
    ]);
    expect(plan.rows.map((r) => r.prevHash)).toEqual([
      'a'.repeat(64),
      plan.rows[0]?.hash,
      plan.rows[1]?.hash,
    ]);
    for (const r of plan.rows) expect(computeEventHash(r)).toBe(r.hash);
    expect(plan.rows[0]?.dataJson).toBe('{"x":1}');
    expect(
      plan.results.map((r) => [r.streamId, r.streamVersion, r.globalPositions, r.duplicate]),
    ).toEqual([
      ['a', 2, [11, 12], false],
      ['b', 5, [13], false],
    ]);
  });

  it('refuses a stream that is not at the expected version, naming expected and actual', () => {
    const snapshot = { ...empty, versions: new Map([['a', 3]]) };
    expect(planAppend([request('a', 2, [[1, 'A', 1]])], snapshot)).toEqual(
      E.left({ _tag: 'ConcurrencyConflict', streamId: 'a', expected: 2, actual: 3 }),
    );
    expect(planAppend([request('a', 'exists', [])], empty)).toEqual(
      E.left({ _tag: 'ConcurrencyConflict', streamId: 'a', expected: 'exists', actual: 0 }),
    );
  });

  it('answers an empty batch at the expected version with no rows', () => {
    const plan = written(planAppend([request('a', 0, [])], empty));
    expect(plan.rows).toEqual([]);
    expect(plan.results).toEqual([
      { streamId: 'a', streamVersion: 0, globalPositions: [], events: [], duplicate: false },
    ]);
  });

  it('answers a repeated batch with the stored events, whatever the expected version now says', () => {
    const first = written(
      planAppend(
        [
          request('a', 'no-stream', [
            [1, 'A', 1],
            [2, 'A', 2],
          ]),
        ],
        empty,
      ),
    );
    const again = planAppend(
      [
        request('a', 'no-stream', [
          [1, 'A', 1],
          [2, 'A', 2],
        ]),
      ],
      after(first.rows, [id(1), id(2)]),
    );
    if (E.isLeft(again) || again.right._tag !== 'Duplicate') throw new Error('expected Duplicate');
    expect(again.right.results).toEqual(first.results.map((r) => ({ ...r, duplicate: true })));
  });

  it.each([
    ['the same id with other data', [[1, 'A', 9]], /different content/],
    ['the same id with another type', [[1, 'Z', 1]], /different content/],
    [
      'a batch repeating only part of a stored one',
      [
        [1, 'A', 1],
        [5, 'A', 5],
      ],
      /not all/,
    ],
  ] as const)('refuses %s as an IdempotencyConflict', (_what, events, reason) => {
    const first = written(planAppend([request('a', 'any', [[1, 'A', 1]])], empty));
    const r = planAppend([request('a', 'any', events)], after(first.rows, [id(1)]));
    if (E.isRight(r)) throw new Error('expected IdempotencyConflict');
    expect(r.left._tag).toBe('IdempotencyConflict');
    expect(r.left).toMatchObject({ eventId: id(events.length === 1 ? 1 : 5), streamId: 'a' });
    expect(JSON.stringify(r.left)).toMatch(reason);
  });

  it('refuses a stored id repeated in another stream', () => {
    const first = written(planAppend([request('a', 'any', [[1, 'A', 1]])], empty));
    const r = planAppend([request('b', 'any', [[1, 'A', 1]])], after(first.rows, [id(1)]));
    expect(r).toMatchObject({ left: { _tag: 'IdempotencyConflict', streamId: 'b' } });
  });

  it('refuses a stream twice in one call and an id twice across requests', () => {
    expect(planAppend([request('a', 'any', []), request('a', 'any', [])], empty)).toMatchObject({
      left: { _tag: 'InvalidEvent', path: 'requests[1].streamId' },
    });
    expect(
      planAppend([request('a', 'any', [[1, 'A', 1]]), request('b', 'any', [[1, 'B', 1]])], empty),
    ).toMatchObject({
      left: { _tag: 'InvalidEvent', path: 'requests[1].events[0].eventId' },
    });
  });
});
