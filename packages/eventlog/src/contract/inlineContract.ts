import { appendToStream } from '../appendToStream.js';
import { expect, it } from 'vitest';
import type { StoredEvent } from '../EventEnvelope.js';
import type { JsonValue } from '../json.js';
import type { InlineProjection } from '../ProjectionDocuments.js';
import {
  collect,
  fingerprint,
  newTestEvent,
  testEventId,
  unwrapLeft,
  unwrapRight,
  type ContractContext,
} from './contractKit.js';

const countOf = (doc: JsonValue | undefined): number => {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 0;
  const count: unknown = Object.getOwnPropertyDescriptor(doc, 'count')?.value;
  return typeof count === 'number' ? count : 0;
};

/** Counts events per stream and remembers the last global position it saw. */
const perStream: InlineProjection = {
  name: 'per-stream',
  keyOf: (e: StoredEvent) => e.streamId,
  apply: (doc, e) => ({ count: countOf(doc) + 1, last: e.globalPosition }),
};

/** Counts events of type 'Counted' under one key. */
const totals: InlineProjection = {
  name: 'totals',
  keyOf: (e) => (e.type === 'Counted' ? 'all' : undefined),
  apply: (doc) => ({ count: countOf(doc) + 1 }),
};

/** Registers the inline projection tests: documents change with the append, or not at all. */
export const inlineContract = (ctx: ContractContext): void => {
  it('updates inline projection documents with the append', async () => {
    const store = ctx.store();
    const inline = [perStream, totals];
    unwrapRight(
      await appendToStream(store, 'a', [newTestEvent('Counted'), newTestEvent('Other')], {
        expectedVersion: 'no-stream',
        inline,
      }),
    );
    unwrapRight(
      await appendToStream(store, 'b', [newTestEvent('Counted')], {
        expectedVersion: 'no-stream',
        inline,
      }),
    );
    unwrapRight(
      await appendToStream(store, 'a', [newTestEvent('Counted')], { expectedVersion: 2, inline }),
    );
    expect(await collect(store.readDocuments('per-stream'))).toEqual([
      { key: 'a', value: { count: 3, last: 4 } },
      { key: 'b', value: { count: 1, last: 3 } },
    ]);
    expect(await store.readDocument('totals', 'all')).toEqual({ count: 3 });
  });

  it('updates inline projections for every stream of an appendMany', async () => {
    const store = ctx.store();
    unwrapRight(
      await store.appendMany(
        [
          { streamId: 'a', expectedVersion: 0, events: [newTestEvent('Counted')] },
          {
            streamId: 'b',
            expectedVersion: 0,
            events: [newTestEvent('Counted'), newTestEvent('Counted')],
          },
        ],
        { inline: [perStream, totals] },
      ),
    );
    expect(await store.readDocument('per-stream', 'b')).toEqual({ count: 2, last: 3 });
    expect(await store.readDocument('totals', 'all')).toEqual({ count: 3 });
  });

  it('updates nothing when the append is refused', async () => {
    const store = ctx.store();
    const inline = [perStream];
    unwrapRight(
      await appendToStream(store, 'a', [newTestEvent('Counted')], {
        expectedVersion: 'no-stream',
        inline,
      }),
    );
    const conflict = await appendToStream(store, 'a', [newTestEvent('Counted')], {
      expectedVersion: 0,
      inline,
    });
    expect(unwrapLeft(conflict)).toMatchObject({ _tag: 'ConcurrencyConflict' });
    const invalid = await appendToStream(store, 'a', [newTestEvent('Counted', { x: NaN })], {
      expectedVersion: 'any',
      inline,
    });
    expect(unwrapLeft(invalid)).toMatchObject({ _tag: 'InvalidEvent' });
    const many = await store.appendMany(
      [
        { streamId: 'b', expectedVersion: 0, events: [newTestEvent('Counted')] },
        { streamId: 'a', expectedVersion: 0, events: [newTestEvent('Counted')] },
      ],
      { inline },
    );
    expect(unwrapLeft(many)).toMatchObject({ _tag: 'ConcurrencyConflict', streamId: 'a' });
    expect(await collect(store.readDocuments('per-stream'))).toEqual([
      { key: 'a', value: { count: 1, last: 1 } },
    ]);
  });

  it('does not apply inline projections again for a duplicate append', async () => {
    const store = ctx.store();
    const batch = [{ ...newTestEvent('Counted'), eventId: testEventId(1) }];
    unwrapRight(
      await appendToStream(store, 'a', batch, { expectedVersion: 'any', inline: [totals] }),
    );
    const again = unwrapRight(
      await appendToStream(store, 'a', batch, { expectedVersion: 'any', inline: [totals] }),
    );
    expect(again.duplicate).toBe(true);
    expect(await store.readDocument('totals', 'all')).toEqual({ count: 1 });
  });

  it('writes neither events nor documents when an inline projection throws', async () => {
    const store = ctx.store();
    unwrapRight(
      await appendToStream(store, 'a', [newTestEvent('Counted')], {
        expectedVersion: 'any',
        inline: [perStream],
      }),
    );
    const before = await fingerprint(store);
    const broken: InlineProjection = {
      name: 'broken',
      keyOf: () => 'k',
      apply: () => {
        throw new Error('projection bug');
      },
    };
    await expect(
      appendToStream(store, 'a', [newTestEvent('Counted')], {
        expectedVersion: 'any',
        inline: [perStream, broken],
      }),
    ).rejects.toThrow('projection bug');
    expect(await fingerprint(store)).toEqual(before);
    expect(await store.readDocument('per-stream', 'a')).toEqual({ count: 1, last: 1 });
    expect(await store.readDocument('broken', 'k')).toBeUndefined();
  });
};
