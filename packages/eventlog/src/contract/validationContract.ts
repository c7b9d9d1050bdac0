import { appendToStream } from '../appendToStream.js';
import { expect, it } from 'vitest';
import { isInvalidEvent } from '../errors.js';
import {
  appendManyUnchecked,
  appendUnchecked,
  fingerprint,
  leftOf,
  newTestEvent,
  TEST_AT,
  unwrapRight,
  type ContractContext,
} from './contractKit.js';

class Point {
  constructor(readonly x: number) {}
}

const deep = (depth: number): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = { v };
  return v;
};

const cyclic = (): unknown => {
  const o: { self?: unknown } = {};
  o.self = o;
  return o;
};

const ev = (data: unknown, extra: object = {}): unknown => ({
  ...newTestEvent('T'),
  data,
  ...extra,
});
const meta = (metadata: unknown): unknown => ({ type: 'T', data: {}, metadata });

/** [what, streamId, events, options, the path the error must name (a prefix)]. */
type BadCase = readonly [string, unknown, unknown, unknown, string];

const badCases = (maxEventBytes: number): readonly BadCase[] => [
  ['NaN', 's', [ev({ x: NaN })], undefined, 'events[0].data.x'],
  ['Infinity', 's', [ev({ x: [1, -Infinity] })], undefined, 'events[0].data.x[1]'],
  ['undefined', 's', [ev({ x: undefined })], undefined, 'events[0].data.x'],
  ['undefined data', 's', [ev(undefined)], undefined, 'events[0].data'],
  ['a BigInt', 's', [ev({ x: 10n })], undefined, 'events[0].data.x'],
  ['a function', 's', [ev({ f: () => 1 })], undefined, 'events[0].data.f'],
  ['a Date', 's', [ev({ when: new Date(0) })], undefined, 'events[0].data.when'],
  ['a class instance', 's', [ev({ p: new Point(1) })], undefined, 'events[0].data.p'],
  ['a Map', 's', [ev({ m: new Map() })], undefined, 'events[0].data.m'],
  ['a symbol', 's', [ev({ s: Symbol('s') })], undefined, 'events[0].data.s'],
  ['a cycle', 's', [ev(cyclic())], undefined, 'events[0].data'],
  [
    'a __proto__ key',
    's',
    [ev(JSON.parse('{"a":{"__proto__":{"x":1}}}'))],
    undefined,
    'events[0].data.a.__proto__',
  ],
  ['a constructor key', 's', [ev({ constructor: 1 })], undefined, 'events[0].data.constructor'],
  ['a lone surrogate in data', 's', [ev({ t: 'ok \ud800 no' })], undefined, 'events[0].data.t'],
  ['a lone surrogate in a key', 's', [ev({ ['\udc00']: 1 })], undefined, 'events[0].data'],
  ['10,000-deep nesting', 's', [ev(deep(10_000))], undefined, 'events[0].data'],
  ['an oversize event', 's', [ev({ big: 'x'.repeat(maxEventBytes + 1) })], undefined, 'events[0]'],
  ['a NUL in the stream id', 'a\u0000b', [newTestEvent('T')], undefined, 'streamId'],
  ['an empty stream id', '', [newTestEvent('T')], undefined, 'streamId'],
  ['an over-long stream id', 's'.repeat(1001), [newTestEvent('T')], undefined, 'streamId'],
  ['a number as stream id', 42, [newTestEvent('T')], undefined, 'streamId'],
  ['an empty type', 's', [{ ...newTestEvent('T'), type: '' }], undefined, 'events[0].type'],
  [
    'a lone surrogate in the type',
    's',
    [{ ...newTestEvent('T'), type: 'T\ud800' }],
    undefined,
    'events[0].type',
  ],
  [
    'a malformed event id',
    's',
    [ev({}, { eventId: 'not-a-uuid' })],
    undefined,
    'events[0].eventId',
  ],
  ['schemaVersion 0', 's', [ev({}, { schemaVersion: 0 })], undefined, 'events[0].schemaVersion'],
  ['an unknown event key', 's', [ev({}, { payload: 1 })], undefined, 'events[0].payload'],
  ['metadata without at', 's', [meta({})], undefined, 'events[0].metadata'],
  [
    'at without an offset',
    's',
    [meta({ at: '2025-01-01T00:00:00' })],
    undefined,
    'events[0].metadata.at',
  ],
  ['at that is not a date', 's', [meta({ at: 'yesterday' })], undefined, 'events[0].metadata.at'],
  [
    'at on the 45th of a 13th month',
    's',
    [meta({ at: '2025-13-45T00:00:00Z' })],
    undefined,
    'events[0].metadata.at',
  ],
  [
    'an unknown metadata key',
    's',
    [meta({ at: TEST_AT, user: 'x' })],
    undefined,
    'events[0].metadata.user',
  ],
  ['a bad second event', 's', [newTestEvent('T'), ev({ x: NaN })], undefined, 'events[1].data.x'],
  ['events that are not an array', 's', newTestEvent('T'), undefined, 'events'],
  [
    'expectedVersion -1',
    's',
    [newTestEvent('T')],
    { expectedVersion: -1 },
    'options.expectedVersion',
  ],
  [
    'expectedVersion 1.5',
    's',
    [newTestEvent('T')],
    { expectedVersion: 1.5 },
    'options.expectedVersion',
  ],
  [
    'expectedVersion "latest"',
    's',
    [newTestEvent('T')],
    { expectedVersion: 'latest' },
    'options.expectedVersion',
  ],
];

/** Registers the write-boundary validation tests: every bad input is an InvalidEvent that writes nothing. */
export const validationContract = (ctx: ContractContext): void => {
  for (const [what, streamId, events, options, path] of badCases(ctx.maxEventBytes))
    it(`refuses ${what} as InvalidEvent at ${path}, leaving the store unchanged`, async () => {
      const store = ctx.log();
      unwrapRight(
        await appendToStream(store, 's', [newTestEvent('Before')], { expectedVersion: 'any' }),
      );
      const before = await fingerprint(store);
      const left = leftOf(await appendUnchecked(store, streamId, events, options));
      if (!isInvalidEvent(left)) throw new Error(`expected InvalidEvent, got ${String(left)}`);
      expect(left.path.startsWith(path)).toBe(true);
      expect(left.reason.length).toBeGreaterThan(0);
      expect(await fingerprint(store)).toEqual(before);
    });

  it('refuses a bad event in the second request of an appendMany, writing nothing for the first', async () => {
    const store = ctx.log();
    const left = leftOf(
      await appendManyUnchecked(store, [
        { streamId: 'a', expectedVersion: 'any', events: [newTestEvent('A')] },
        { streamId: 'b', expectedVersion: 'any', events: [ev({ x: NaN })] },
      ]),
    );
    if (!isInvalidEvent(left)) throw new Error(`expected InvalidEvent, got ${String(left)}`);
    expect(left.path.startsWith('requests[1]')).toBe(true);
    expect((await store.head()).globalPosition).toBe(0);
  });

  it('refuses one event id used in two requests of an appendMany', async () => {
    const store = ctx.log();
    const eventId = '01900000-0000-7000-8000-00000000000a';
    const r = await store.appendMany([
      { streamId: 'a', expectedVersion: 'any', events: [{ ...newTestEvent('A'), eventId }] },
      { streamId: 'b', expectedVersion: 'any', events: [{ ...newTestEvent('B'), eventId }] },
    ]);
    expect(leftOf(r)).toMatchObject({ _tag: 'InvalidEvent' });
    expect((await store.head()).globalPosition).toBe(0);
  });

  it('accepts an event exactly at the size limit', async () => {
    const store = ctx.log();
    const overhead = Buffer.byteLength('{"big":""}') + Buffer.byteLength(`{"at":"${TEST_AT}"}`);
    const big = 'x'.repeat(ctx.maxEventBytes - overhead);
    unwrapRight(
      await appendToStream(store, 's', [newTestEvent('Big', { big })], { expectedVersion: 'any' }),
    );
    expect((await store.head()).globalPosition).toBe(1);
  });
};
