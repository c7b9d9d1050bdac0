import { appendToStream } from '../appendToStream.js';
import { expect, it } from 'vitest';
import {
  fingerprint,
  newTestEvent,
  testEventId,
  unwrapLeft,
  unwrapRight,
  type ContractContext,
} from './contractKit.js';

const withId = (n: number, type: string, data: { readonly [k: string]: number } = {}) => ({
  ...newTestEvent(type, data),
  eventId: testEventId(n),
});

/** Registers the idempotent-retry tests. */
export const idempotencyContract = (ctx: ContractContext): void => {
  it('answers a repeated batch with duplicate: true and the original positions, writing nothing', async () => {
    const store = ctx.log();
    const batch = [withId(1, 'A', { n: 1 }), withId(2, 'B', { n: 2 })];
    const first = unwrapRight(
      await appendToStream(store, 's', batch, { expectedVersion: 'no-stream' }),
    );
    unwrapRight(
      await appendToStream(store, 't', [newTestEvent('Other')], { expectedVersion: 'any' }),
    );
    const before = await fingerprint(store);
    const again = unwrapRight(
      await appendToStream(store, 's', batch, { expectedVersion: 'no-stream' }),
    );
    expect(again.duplicate).toBe(true);
    expect(again.globalPositions).toEqual(first.globalPositions);
    expect(again.streamVersion).toBe(2);
    expect(again.events).toEqual(first.events);
    expect(await fingerprint(store)).toEqual(before);
  });

  it('answers a repeated appendMany with duplicate results for every stream', async () => {
    const store = ctx.log();
    const requests = [
      { streamId: 'a', expectedVersion: 0, events: [withId(1, 'A')] },
      { streamId: 'b', expectedVersion: 0, events: [withId(2, 'B'), withId(3, 'B')] },
    ] as const;
    const first = unwrapRight(await store.appendMany(requests));
    const before = await fingerprint(store);
    const again = unwrapRight(await store.appendMany(requests));
    expect(again.map((r) => r.duplicate)).toEqual([true, true]);
    expect(again.map((r) => r.globalPositions)).toEqual(first.map((r) => r.globalPositions));
    expect(await fingerprint(store)).toEqual(before);
  });

  it('refuses a stored event id with different content as an IdempotencyConflict', async () => {
    const store = ctx.log();
    unwrapRight(
      await appendToStream(store, 's', [withId(1, 'A', { n: 1 })], { expectedVersion: 'any' }),
    );
    const before = await fingerprint(store);
    const changed = unwrapLeft(
      await appendToStream(store, 's', [withId(1, 'A', { n: 2 })], { expectedVersion: 'any' }),
    );
    expect(changed).toMatchObject({ _tag: 'IdempotencyConflict', eventId: testEventId(1) });
    const retyped = unwrapLeft(
      await appendToStream(store, 's', [withId(1, 'Z', { n: 1 })], { expectedVersion: 'any' }),
    );
    expect(retyped).toMatchObject({ _tag: 'IdempotencyConflict' });
    const moved = unwrapLeft(
      await appendToStream(store, 't', [withId(1, 'A', { n: 1 })], { expectedVersion: 'any' }),
    );
    expect(moved).toMatchObject({ _tag: 'IdempotencyConflict', eventId: testEventId(1) });
    expect(await fingerprint(store)).toEqual(before);
  });

  it('refuses a batch that repeats only some stored events, writing none of it', async () => {
    const store = ctx.log();
    unwrapRight(await appendToStream(store, 's', [withId(1, 'A')], { expectedVersion: 'any' }));
    const before = await fingerprint(store);
    const r = await appendToStream(store, 's', [withId(1, 'A'), withId(2, 'B')], {
      expectedVersion: 'any',
    });
    expect(unwrapLeft(r)).toMatchObject({ _tag: 'IdempotencyConflict' });
    const reversed = await appendToStream(store, 's', [withId(3, 'C'), withId(1, 'A')], {
      expectedVersion: 'any',
    });
    expect(unwrapLeft(reversed)).toMatchObject({ _tag: 'IdempotencyConflict' });
    expect(await fingerprint(store)).toEqual(before);
    expect(await store.readEvent(testEventId(2))).toBeUndefined();
  });

  it('refuses an event id repeated within one batch as InvalidEvent', async () => {
    const store = ctx.log();
    const r = await appendToStream(store, 's', [withId(1, 'A'), withId(1, 'A')], {
      expectedVersion: 'any',
    });
    expect(unwrapLeft(r)).toMatchObject({ _tag: 'InvalidEvent', path: 'events[1].eventId' });
    expect((await store.head()).globalPosition).toBe(0);
  });
};
