import { appendToStream } from '../appendToStream.js';
import { expect, it } from 'vitest';
import type { ReadStreamOptions } from '../EventStore.js';
import { collect, newTestEvent, unwrapRight, type ContractContext } from './contractKit.js';

const fill = async (ctx: ContractContext): Promise<void> => {
  // Stream s gets positions 1..7 at global positions 1,3,5,...; stream t interleaves.
  for (let i = 0; i < 7; i++) {
    unwrapRight(
      await appendToStream(ctx.log(), 's', [newTestEvent('S', { i })], { expectedVersion: i }),
    );
    unwrapRight(
      await appendToStream(ctx.log(), 't', [newTestEvent('T', { i })], { expectedVersion: i }),
    );
  }
};

const streamCases: ReadonlyArray<readonly [string, ReadStreamOptions, readonly number[]]> = [
  ['everything forward by default', {}, [1, 2, 3, 4, 5, 6, 7]],
  ['everything backward', { direction: 'backward' }, [7, 6, 5, 4, 3, 2, 1]],
  ['from a position', { from: 5 }, [5, 6, 7]],
  ['up to a position', { to: 3 }, [1, 2, 3]],
  ['a range forward', { from: 2, to: 4 }, [2, 3, 4]],
  ['a range backward', { from: 2, to: 4, direction: 'backward' }, [4, 3, 2]],
  ['backward from a position', { to: 3, direction: 'backward' }, [3, 2, 1]],
  ['a single position', { from: 6, to: 6 }, [6]],
  ['past the end', { from: 8 }, []],
  ['an empty range', { from: 5, to: 4 }, []],
  ['in small batches', { batchSize: 2 }, [1, 2, 3, 4, 5, 6, 7]],
  ['backward in small batches', { batchSize: 3, direction: 'backward' }, [7, 6, 5, 4, 3, 2, 1]],
  [
    'a backward range in small batches',
    { from: 2, to: 6, batchSize: 2, direction: 'backward' },
    [6, 5, 4, 3, 2],
  ],
];

const allCases: ReadonlyArray<
  readonly [string, { after?: number; to?: number; batchSize?: number }, readonly number[]]
> = [
  ['everything by default', {}, Array.from({ length: 14 }, (_, i) => i + 1)],
  ['after a checkpoint', { after: 10 }, [11, 12, 13, 14]],
  ['up to a position', { to: 3 }, [1, 2, 3]],
  [
    'between a checkpoint and a position across batches',
    { after: 2, to: 9, batchSize: 3 },
    [3, 4, 5, 6, 7, 8, 9],
  ],
  ['everything in batches of one', { batchSize: 1 }, Array.from({ length: 14 }, (_, i) => i + 1)],
  [
    'everything in batches that divide it exactly',
    { batchSize: 7 },
    Array.from({ length: 14 }, (_, i) => i + 1),
  ],
  ['nothing after the head', { after: 14 }, []],
  ['nothing when to is the checkpoint', { after: 5, to: 5 }, []],
];

/** Registers the read tests: readStream ranges and directions, readAll windows, readEvent, versions. */
export const readContract = (ctx: ContractContext): void => {
  for (const [what, options, positions] of streamCases)
    it(`readStream reads ${what}`, async () => {
      await fill(ctx);
      const events = await collect(ctx.log().readStream('s', options));
      expect(events.map((e) => e.streamPosition)).toEqual(positions);
      expect(events.every((e) => e.streamId === 's')).toBe(true);
      expect(events.map((e) => e.data)).toEqual(positions.map((p) => ({ i: p - 1 })));
    });

  it('readStream of an unknown stream yields nothing and its version is 0', async () => {
    await fill(ctx);
    expect(await collect(ctx.log().readStream('nobody'))).toEqual([]);
    expect(await ctx.log().streamVersion('nobody')).toBe(0);
  });

  for (const [what, options, positions] of allCases)
    it(`readAll reads ${what}`, async () => {
      await fill(ctx);
      const events = await collect(ctx.log().readAll(options));
      expect(events.map((e) => e.globalPosition)).toEqual(positions);
    });

  it('readAll pages through a log larger than its batch size without gaps or repeats', async () => {
    const store = ctx.log();
    for (let i = 0; i < 5; i++)
      unwrapRight(
        await appendToStream(
          store,
          `p-${i}`,
          Array.from({ length: 9 }, (_, j) => newTestEvent('P', { i, j })),
          {
            expectedVersion: 'no-stream',
          },
        ),
      );
    const events = await collect(store.readAll({ batchSize: 4 }));
    expect(events.map((e) => e.globalPosition)).toEqual(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
  });

  it('readEvent finds an event by id and gives undefined for an unknown id', async () => {
    await fill(ctx);
    const all = await collect(ctx.log().readAll());
    const target = all[4];
    expect(await ctx.log().readEvent(target?.eventId ?? '')).toEqual(target);
    expect(await ctx.log().readEvent('01900000-0000-7000-8000-ffffffffffff')).toBeUndefined();
  });
};
