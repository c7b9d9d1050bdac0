import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExpectedVersion, GENESIS_HASH } from '@strive/eventlog';
import {
  planAppend,
  prepareRequests,
  type AppendSnapshot,
  type PreparedRequest,
  type StoredRow,
} from '@strive/eventlog/adapter';
import { planGroups } from './planGroups.js';

const at = '2010-05-10T09:00:00+08:00';
let id = 0;
const nextId = (): string => `0190c000-0000-7000-8000-${(id++).toString(16).padStart(12, '0')}`;

const group = (stream: number, events: number, expected: ExpectedVersion) => {
  const r = prepareRequests(
    [
      {
        streamId: `s-${stream}`,
        expectedVersion: expected,
        events: Array.from({ length: events }, (_, n) => ({
          type: 'T',
          data: { n },
          metadata: { at },
        })),
      },
    ],
    nextId,
  );
  if (E.isLeft(r)) throw new Error('test input refused');
  return r.right;
};

const empty: AppendSnapshot = {
  head: { globalPosition: 0, hash: GENESIS_HASH },
  versions: new Map(),
  existing: new Map(),
};

/** Plans the groups one after another, writing each plan's rows into the next snapshot. */
const serially = (groups: readonly (readonly PreparedRequest[])[]) => {
  let snapshot = empty;
  const versions = new Map<string, number>();
  const rows: StoredRow[] = [];
  return groups.map((g) => {
    const plan = planAppend(g, snapshot);
    if (E.isLeft(plan) || plan.right._tag !== 'Write') return undefined;
    rows.push(...plan.right.rows);
    for (const r of plan.right.results) versions.set(r.streamId, r.streamVersion);
    const last = rows[rows.length - 1];
    snapshot = {
      head:
        last === undefined
          ? snapshot.head
          : { globalPosition: last.globalPosition, hash: last.hash },
      versions: new Map(versions),
      existing: new Map(),
    };
    return plan.right.results;
  });
};

describe('planGroups', () => {
  it('plans concurrent appends exactly as if they ran one after another, expected versions included', () => {
    const expected = fc.oneof(
      { arbitrary: fc.constant<ExpectedVersion>('any'), weight: 6 },
      { arbitrary: fc.constantFrom<ExpectedVersion>('no-stream', 'exists'), weight: 1 },
      { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 2 },
    );
    let grouped = 0;
    let numeric = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), expected),
          { minLength: 1, maxLength: 8 },
        ),
        (spec) => {
          const groups = spec.map(([stream, events, version]) => group(stream, events, version));
          const planned = planGroups(groups, empty);
          const serial = serially(groups);
          // Grouped only when every group would have written had they run one after another.
          if (serial.includes(undefined)) {
            expect(planned).toBeUndefined();
            refused += 1;
            return;
          }
          grouped += 1;
          if (spec.some(([, , version]) => typeof version === 'number')) numeric += 1;
          expect(planned?.results).toEqual(serial);
          const rows = planned?.write.rows ?? [];
          expect(rows.map((r) => r.globalPosition)).toEqual(rows.map((_, i) => i + 1));
          expect(rows.slice(1).map((r) => r.prevHash)).toEqual(
            rows.slice(0, -1).map((r) => r.hash),
          );
          const streams = planned?.write.results.map((r) => r.streamId) ?? [];
          expect(new Set(streams).size).toBe(streams.length);
        },
      ),
      { numRuns: 500 },
    );
    // Both answers must occur, and groupings whose expected versions are exact numbers.
    expect(refused).toBeGreaterThan(50);
    expect(grouped).toBeGreaterThan(50);
    expect(numeric).toBeGreaterThan(5);
  });

  it('assumes each stream at the version before the first group that touches it', () => {
    const planned = planGroups([group(1, 1, 'no-stream'), group(1, 2, 1)], empty);
    expect(planned?.assumed.versions.get('s-1')).toBe(0);
    expect(planned?.write.results).toMatchObject([{ streamId: 's-1', streamVersion: 3 }]);
  });

  it('gives up when a group would conflict or repeat an earlier group', () => {
    expect(planGroups([group(1, 1, 'no-stream'), group(1, 1, 'no-stream')], empty)).toBeUndefined();
    const same = group(2, 2, 'any');
    expect(planGroups([same, same], empty)).toBeUndefined();
  });
});
