import { appendToStream } from '../appendToStream.js';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { isConcurrencyConflict } from '../errors.js';
import { verify } from '../verifyChain.js';
import { collect, newTestEvent, unwrapRight, type ContractContext } from './contractKit.js';

/** Registers the concurrent-writer tests: one winner per expected version, no gaps. */
export const concurrencyContract = (ctx: ContractContext): void => {
  it('lets exactly one of 20 concurrent writers win at the same expected version', async () => {
    const store = ctx.log();
    const attempts = Array.from({ length: 20 }, (_, i) =>
      appendToStream(store, 'race', [newTestEvent('Won', { i })], { expectedVersion: 0 }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter(E.isRight)).toHaveLength(1);
    for (const r of results.filter(E.isLeft))
      expect(r.left).toMatchObject({ _tag: 'ConcurrencyConflict', expected: 0, actual: 1 });
    expect(await store.streamVersion('race')).toBe(1);
  });

  it('serializes 20 concurrent read-then-append writers into one gap-free stream', async () => {
    const store = ctx.log();
    const wins: number[] = [];
    const writer = async (i: number): Promise<void> => {
      for (;;) {
        const v = await store.streamVersion('race');
        const r = await appendToStream(store, 'race', [newTestEvent('Won', { i })], {
          expectedVersion: v,
        });
        if (E.isRight(r)) return void wins.push(v);
        if (!isConcurrencyConflict(r.left)) throw new Error(JSON.stringify(r.left));
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer(i)));
    expect([...wins].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const events = await collect(store.readStream('race'));
    expect(events.map((e) => e.streamPosition)).toEqual(wins.map((_, i) => i + 1));
    expect(new Set(events.map((e) => JSON.stringify(e.data))).size).toBe(20);
  });

  it('keeps one gap-free, verifiable chain under concurrent appends to different streams', async () => {
    const store = ctx.log();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendToStream(store, `s-${i}`, [newTestEvent('A', { i }), newTestEvent('B', { i })], {
          expectedVersion: 'no-stream',
        }),
      ),
    );
    const positions = results.flatMap((r) => unwrapRight(r).globalPositions).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: 40 });
  });

  it('completes concurrent appendMany calls that name the same streams in opposite orders', async () => {
    const store = ctx.log();
    const calls = Array.from({ length: 10 }, (_, i) => {
      const streams = i % 2 === 0 ? ['x', 'y'] : ['y', 'x'];
      return store.appendMany(
        streams.map((streamId) => ({
          streamId,
          expectedVersion: 'any' as const,
          events: [newTestEvent('M', { i })],
        })),
      );
    });
    for (const r of await Promise.all(calls)) unwrapRight(r);
    expect(await store.streamVersion('x')).toBe(10);
    expect(await store.streamVersion('y')).toBe(10);
    expect(await verify(store)).toMatchObject({ _tag: 'ChainVerified', events: 20 });
  });
};
