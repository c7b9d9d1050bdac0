import { appendToStream } from '../appendToStream.js';
import { expect, it } from 'vitest';
import type { StoredEvent } from '../EventEnvelope.js';
import { newTestEvent, unwrapRight, type ContractContext } from './contractKit.js';

const appendN = async (ctx: ContractContext, streamId: string, n: number): Promise<void> => {
  for (let i = 0; i < n; i++)
    unwrapRight(
      await appendToStream(ctx.log(), streamId, [newTestEvent('E', { i })], {
        expectedVersion: 'any',
      }),
    );
};

/** Registers the subscription tests: catch-up, live delivery, order, resumption, failure, stop. */
export const subscriptionContract = (ctx: ContractContext): void => {
  it('delivers stored events, then events appended after subscribing, in global order', async () => {
    await appendN(ctx, 'a', 3);
    const seen: StoredEvent[] = [];
    const sub = ctx
      .log()
      .subscribe({ after: 0, handler: (e) => void seen.push(e), pollIntervalMs: 10 });
    await sub.waitFor(3);
    await appendN(ctx, 'b', 2);
    unwrapRight(
      await ctx.log().appendMany([
        { streamId: 'a', expectedVersion: 3, events: [newTestEvent('M')] },
        { streamId: 'c', expectedVersion: 0, events: [newTestEvent('M'), newTestEvent('M')] },
      ]),
    );
    await sub.waitFor(8);
    expect(seen.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen.map((e) => e.streamId).join('')).toBe('aaabbacc');
    expect(sub.position()).toBe(8);
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
  });

  it('resumes from a checkpoint without repeating earlier events', async () => {
    await appendN(ctx, 'a', 5);
    const first: number[] = [];
    const sub1 = ctx.log().subscribe({
      after: 0,
      handler: (e) => void first.push(e.globalPosition),
      pollIntervalMs: 10,
    });
    await sub1.waitFor(3);
    await sub1.stop();
    const checkpoint = sub1.position();
    expect(first.slice(0, checkpoint)).toEqual(Array.from({ length: checkpoint }, (_, i) => i + 1));
    await appendN(ctx, 'a', 2);
    const second: number[] = [];
    const sub2 = ctx.log().subscribe({
      after: checkpoint,
      handler: (e) => void second.push(e.globalPosition),
      pollIntervalMs: 10,
    });
    await sub2.waitFor(7);
    await sub2.stop();
    expect(second).toEqual(Array.from({ length: 7 - checkpoint }, (_, i) => checkpoint + i + 1));
  });

  it('awaits each handler before delivering the next event', async () => {
    await appendN(ctx, 'a', 5);
    let running = 0;
    let overlapped = false;
    const order: number[] = [];
    const sub = ctx.log().subscribe({
      after: 0,
      batchSize: 2,
      pollIntervalMs: 10,
      handler: async (e) => {
        running += 1;
        overlapped ||= running > 1;
        await new Promise((r) => setTimeout(r, 1));
        order.push(e.globalPosition);
        running -= 1;
      },
    });
    await sub.waitFor(5);
    await sub.stop();
    expect(overlapped).toBe(false);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at a failing handler and rejects done with its error', async () => {
    await appendN(ctx, 'a', 4);
    const boom = new Error('handler failed');
    const sub = ctx.log().subscribe({
      after: 0,
      pollIntervalMs: 10,
      handler: (e) => {
        if (e.globalPosition === 3) throw boom;
      },
    });
    await expect(sub.done).rejects.toBe(boom);
    expect(sub.position()).toBe(2);
    await sub.stop();
  });

  it('delivers nothing after stop resolves', async () => {
    const seen: number[] = [];
    const sub = ctx.log().subscribe({
      after: 0,
      handler: (e) => void seen.push(e.globalPosition),
      pollIntervalMs: 10,
    });
    await appendN(ctx, 'a', 1);
    await sub.waitFor(1);
    await sub.stop();
    await appendN(ctx, 'a', 2);
    const watcher = ctx.log().subscribe({ after: 0, handler: () => undefined, pollIntervalMs: 10 });
    await watcher.waitFor(3);
    await watcher.stop();
    expect(seen).toEqual([1]);
  });
};
