import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { appendToStream } from './appendToStream.js';
import { createMemoryEventStore } from './createMemoryEventStore.js';

const at = '2025-01-01T00:00:00Z';
const event = { type: 'T', data: {}, metadata: { at } };
const pathOf = (r: E.Either<unknown, unknown>): unknown =>
  E.isLeft(r) && typeof r.left === 'object' && r.left !== null && 'path' in r.left
    ? r.left.path
    : undefined;
/** Calls `appendToStream` as an untyped JavaScript caller could. */
const appendAnything = async (
  streamId: unknown,
  events: unknown,
  options: unknown,
): Promise<E.Either<unknown, unknown>> => {
  const r: unknown = await Reflect.apply(appendToStream, undefined, [
    createMemoryEventStore(),
    streamId,
    events,
    options,
  ]);
  return typeof r === 'object' && r !== null && '_tag' in r && r._tag === 'Left' && 'left' in r
    ? E.left(r.left)
    : E.right(r);
};

describe('appendToStream', () => {
  it('appends to one stream through appendMany and gives its result', async () => {
    const store = createMemoryEventStore();
    const r = await appendToStream(store, 's', [event, event], { expectedVersion: 'no-stream' });
    expect(E.isRight(r) && [r.right.streamId, r.right.streamVersion]).toEqual(['s', 2]);
    expect(await store.streamVersion('s')).toBe(2);
  });

  it('passes inline projections on', async () => {
    const store = createMemoryEventStore();
    const inline = [
      { name: 'count', keyOf: () => 'all', apply: (d: unknown) => Number(d ?? 0) + 1 },
    ];
    await appendToStream(store, 's', [event, event], { expectedVersion: 'any', inline });
    expect(await store.readDocument('count', 'all')).toBe(2);
  });

  it.each([
    ['missing options', 's', [event], undefined, 'options'],
    [
      'a negative expected version',
      's',
      [event],
      { expectedVersion: -1 },
      'options.expectedVersion',
    ],
    ['an unknown keyword', 's', [event], { expectedVersion: 'latest' }, 'options.expectedVersion'],
    [
      'an inherited expected version',
      's',
      [event],
      Object.create({ expectedVersion: 'any' }) as object,
      'options.expectedVersion',
    ],
    ['a bad stream id', '', [event], { expectedVersion: 'any' }, 'streamId'],
    ['a bad event', 's', [{ ...event, type: '' }], { expectedVersion: 'any' }, 'events[0].type'],
  ])(
    'refuses %s, locating it in its own arguments',
    async (_what, streamId, events, options, path) => {
      expect(pathOf(await appendAnything(streamId, events, options))).toBe(path);
    },
  );
});
