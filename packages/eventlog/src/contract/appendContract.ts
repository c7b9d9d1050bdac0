import { appendToStream } from '../appendToStream.js';
import { expect, it } from 'vitest';
import type { ExpectedVersion } from '../ExpectedVersion.js';
import {
  collect,
  fingerprint,
  newTestEvent,
  unwrapLeft,
  unwrapRight,
  type ContractContext,
} from './contractKit.js';

const seed = async (ctx: ContractContext, streamId: string, n: number): Promise<void> => {
  for (let i = 0; i < n; i++)
    unwrapRight(
      await appendToStream(ctx.log(), streamId, [newTestEvent('Seeded', { i })], {
        expectedVersion: i,
      }),
    );
};

const matrix: ReadonlyArray<readonly [number, ExpectedVersion, boolean]> = [
  [0, 0, true],
  [0, 1, false],
  [0, 'no-stream', true],
  [0, 'exists', false],
  [0, 'any', true],
  [2, 2, true],
  [2, 1, false],
  [2, 3, false],
  [2, 0, false],
  [2, 'no-stream', false],
  [2, 'exists', true],
  [2, 'any', true],
];

/** Registers the expected-version, ordering, atomicity and concurrency tests. */
export const appendContract = (ctx: ContractContext): void => {
  for (const [version, expected, accepted] of matrix)
    it(`${accepted ? 'accepts' : 'refuses'} expectedVersion ${JSON.stringify(expected)} on a stream at version ${version}`, async () => {
      const store = ctx.log();
      await seed(ctx, 's', version);
      await seed(ctx, 'other', 1);
      const before = await fingerprint(store);
      const r = await appendToStream(store, 's', [newTestEvent('Tried')], {
        expectedVersion: expected,
      });
      if (accepted) {
        const ok = unwrapRight(r);
        expect(ok).toMatchObject({ streamId: 's', streamVersion: version + 1, duplicate: false });
        expect(ok.globalPositions).toEqual([before.head.globalPosition + 1]);
        expect(await store.streamVersion('s')).toBe(version + 1);
      } else {
        expect(unwrapLeft(r)).toEqual({
          _tag: 'ConcurrencyConflict',
          streamId: 's',
          expected,
          actual: version,
        });
        expect(await fingerprint(store)).toEqual(before);
      }
    });

  it('treats an empty append as a version check that writes nothing', async () => {
    const store = ctx.log();
    await seed(ctx, 's', 2);
    const before = await fingerprint(store);
    const ok = unwrapRight(await appendToStream(store, 's', [], { expectedVersion: 2 }));
    expect(ok).toMatchObject({ streamId: 's', streamVersion: 2, globalPositions: [], events: [] });
    const refused = unwrapLeft(
      await appendToStream(store, 's', [], { expectedVersion: 'no-stream' }),
    );
    expect(refused).toMatchObject({ _tag: 'ConcurrencyConflict', actual: 2 });
    expect(await fingerprint(store)).toEqual(before);
  });

  it('numbers events gap-free per stream and across the log, in commit order', async () => {
    const store = ctx.log();
    const plan = ['a', 'b', 'a', 'c', 'b', 'a'];
    const counts = new Map<string, number>();
    for (const s of plan) {
      const v = counts.get(s) ?? 0;
      const events = [newTestEvent('One', { s, v }), newTestEvent('Two', { s, v })];
      const r = unwrapRight(await appendToStream(store, s, events, { expectedVersion: v }));
      expect(r.events.map((e) => e.streamPosition)).toEqual([v + 1, v + 2]);
      counts.set(s, v + 2);
    }
    const all = await collect(store.readAll());
    expect(all.map((e) => e.globalPosition)).toEqual(all.map((_, i) => i + 1));
    expect(all.map((e) => e.streamId)).toEqual(plan.flatMap((s) => [s, s]));
    for (const [s, n] of counts) {
      const own = await collect(store.readStream(s));
      expect(own.map((e) => e.streamPosition)).toEqual(own.map((_, i) => i + 1));
      expect(await store.streamVersion(s)).toBe(n);
    }
    expect((await store.head()).globalPosition).toBe(12);
  });

  it('returns the stored envelopes with ids, defaults and the given content', async () => {
    const store = ctx.log();
    const event = { ...newTestEvent('Opened', { title: 'x', tags: ['a'] }), schemaVersion: 3 };
    const [e] = unwrapRight(
      await appendToStream(store, 's', [event], { expectedVersion: 'no-stream' }),
    ).events;
    expect(e).toMatchObject({
      streamId: 's',
      streamPosition: 1,
      globalPosition: 1,
      type: 'Opened',
    });
    expect(e?.schemaVersion).toBe(3);
    expect(e?.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(e?.data).toEqual({ title: 'x', tags: ['a'] });
    expect(e?.metadata).toEqual(event.metadata);
    expect(await collect(store.readAll())).toEqual([e]);
  });

  it('appends to several streams atomically with appendMany', async () => {
    const store = ctx.log();
    await seed(ctx, 'b', 1);
    const r = unwrapRight(
      await store.appendMany([
        {
          streamId: 'a',
          expectedVersion: 'no-stream',
          events: [newTestEvent('A1'), newTestEvent('A2')],
        },
        { streamId: 'b', expectedVersion: 1, events: [newTestEvent('B2')] },
      ]),
    );
    expect(r.map((x) => [x.streamId, x.streamVersion, x.globalPositions])).toEqual([
      ['a', 2, [2, 3]],
      ['b', 2, [4]],
    ]);
  });

  it('writes nothing for any stream when one stream of an appendMany conflicts', async () => {
    const store = ctx.log();
    await seed(ctx, 'b', 1);
    const before = await fingerprint(store);
    const r = await store.appendMany([
      { streamId: 'a', expectedVersion: 'no-stream', events: [newTestEvent('A1')] },
      { streamId: 'b', expectedVersion: 0, events: [newTestEvent('B')] },
    ]);
    expect(unwrapLeft(r)).toMatchObject({ _tag: 'ConcurrencyConflict', streamId: 'b', actual: 1 });
    expect(await fingerprint(store)).toEqual(before);
    expect(await store.streamVersion('a')).toBe(0);
  });

  it('refuses a stream repeated within one appendMany and writes nothing', async () => {
    const store = ctx.log();
    const r = await store.appendMany([
      { streamId: 'a', expectedVersion: 'any', events: [newTestEvent('A1')] },
      { streamId: 'a', expectedVersion: 'any', events: [newTestEvent('A2')] },
    ]);
    expect(unwrapLeft(r)).toMatchObject({ _tag: 'InvalidEvent' });
    expect((await store.head()).globalPosition).toBe(0);
  });
};
