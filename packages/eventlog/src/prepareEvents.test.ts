import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { prepareEvents } from './prepareEvents.js';

const at = '2025-01-01T00:00:00Z';
const ids = (): (() => string) => {
  let n = 0;
  return () => `01900000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
};
const ok = (streamId: unknown, events: unknown, maxEventBytes?: number) => {
  const r = prepareEvents(
    streamId,
    events,
    ids(),
    maxEventBytes === undefined ? {} : { maxEventBytes },
  );
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};
const fail = (streamId: unknown, events: unknown, maxEventBytes?: number) => {
  const r = prepareEvents(
    streamId,
    events,
    ids(),
    maxEventBytes === undefined ? {} : { maxEventBytes },
  );
  if (E.isRight(r)) throw new Error('expected InvalidEvent');
  return r.left;
};

describe('prepareEvents', () => {
  it('fills in event ids and schema version 1, and computes canonical JSON', () => {
    const [e] = ok('s', [{ type: 'T', data: { b: 1, a: [true, null] }, metadata: { at } }]);
    expect(e).toEqual({
      eventId: '01900000-0000-7000-8000-000000000001',
      type: 'T',
      schemaVersion: 1,
      data: { a: [true, null], b: 1 },
      metadata: { at },
      dataJson: '{"a":[true,null],"b":1}',
      metadataJson: `{"at":"${at}"}`,
    });
  });

  it('copies data and metadata, so later changes to the caller objects do not reach the log', () => {
    const data = { list: [1] };
    const metadata = { at, actor: { id: 'u1', role: 'admin' } };
    const [e] = ok('s', [{ type: 'T', data, metadata }]);
    data.list.push(2);
    metadata.actor.id = 'u2';
    expect(e?.data).toEqual({ list: [1] });
    expect(e?.metadata.actor?.id).toBe('u1');
  });

  it('keeps every documented metadata field', () => {
    const metadata = {
      at: '2025-06-01T08:00:00.123+08:00',
      actor: { id: 'u', role: 'r' },
      commandId: 'c',
      causationId: 'x',
      correlationId: 'y',
      commandDigest: 'd',
    };
    expect(ok('s', [{ type: 'T', data: null, metadata }])[0]?.metadata).toEqual(metadata);
  });

  it.each([
    ['a non-string stream id', 1, [], 'streamId', /string/],
    ['an empty stream id', '', [], 'streamId', /empty/],
    ['a NUL in the stream id', 'a\0', [], 'streamId', /control/],
    ['an over-long stream id', 'x'.repeat(1001), [], 'streamId', /1000/],
    ['events that are not an array', 's', {}, 'events', /array/],
    ['an event that is not an object', 's', [null], 'events[0]', /object/],
    [
      'an unknown event field',
      's',
      [{ type: 'T', data: 1, metadata: { at }, extra: 1 }],
      'events[0].extra',
      /unknown/,
    ],
    ['a missing type', 's', [{ data: 1, metadata: { at } }], 'events[0].type', /string/],
    [
      'an over-long type',
      's',
      [{ type: 'T'.repeat(201), data: 1, metadata: { at } }],
      'events[0].type',
      /200/,
    ],
    [
      'an uppercase event id',
      's',
      [{ eventId: 'ABCDEF00-0000-7000-8000-000000000001', type: 'T', data: 1, metadata: { at } }],
      'events[0].eventId',
      /UUID/,
    ],
    [
      'schemaVersion 1.5',
      's',
      [{ type: 'T', schemaVersion: 1.5, data: 1, metadata: { at } }],
      'events[0].schemaVersion',
      /integer/,
    ],
    [
      'NaN data',
      's',
      [{ type: 'T', data: { n: NaN }, metadata: { at } }],
      'events[0].data.n',
      /NaN/,
    ],
    [
      'metadata that is an array',
      's',
      [{ type: 'T', data: 1, metadata: [] }],
      'events[0].metadata',
      /object/,
    ],
    ['a missing at', 's', [{ type: 'T', data: 1, metadata: {} }], 'events[0].metadata.at', /type/],
    [
      'a numeric at',
      's',
      [{ type: 'T', data: 1, metadata: { at: 0 } }],
      'events[0].metadata.at',
      /type/,
    ],
    [
      'an at without offset',
      's',
      [{ type: 'T', data: 1, metadata: { at: '2025-01-01T00:00:00' } }],
      'events[0].metadata.at',
      /offset/,
    ],
    [
      'an impossible at',
      's',
      [{ type: 'T', data: 1, metadata: { at: '2025-02-30T99:00:00Z' } }],
      'events[0].metadata.at',
      /ISO/,
    ],
    [
      'an unknown metadata field',
      's',
      [{ type: 'T', data: 1, metadata: { at, by: 'x' } }],
      'events[0].metadata.by',
      /unknown/,
    ],
    [
      'an actor without role',
      's',
      [{ type: 'T', data: 1, metadata: { at, actor: { id: 'x' } } }],
      'events[0].metadata.actor.role',
      /type/,
    ],
    [
      'a repeated event id',
      's',
      [1, 2].map(() => ({
        eventId: '01900000-0000-7000-8000-000000000009',
        type: 'T',
        data: 1,
        metadata: { at },
      })),
      'events[1].eventId',
      /repeated/,
    ],
  ])('refuses %s', (_what, streamId, events, path, reason) => {
    const e = fail(streamId, events);
    expect(e).toMatchObject({ _tag: 'InvalidEvent', path });
    expect(e.reason).toMatch(reason);
  });

  it('measures the size limit in UTF-8 bytes of canonical data plus metadata', () => {
    const metadataBytes = Buffer.byteLength(`{"at":"${at}"}`);
    const limit = 100 + metadataBytes;
    // '创' is 3 bytes in UTF-8: 32 of them plus the quotes is 98 bytes.
    expect(ok('s', [{ type: 'T', data: '创'.repeat(32), metadata: { at } }], limit)).toHaveLength(
      1,
    );
    const e = fail('s', [{ type: 'T', data: '创'.repeat(33), metadata: { at } }], limit);
    expect(e.path).toBe('events[0]');
    expect(e.reason).toMatch(/bytes/);
  });

  it('names paths under a custom prefix', () => {
    expect(
      prepareEvents(
        's',
        [{ type: 'T', data: [NaN], metadata: { at } }],
        ids(),
        {},
        'requests[2].events',
      ),
    ).toEqual(
      E.left({
        _tag: 'InvalidEvent',
        path: 'requests[2].events[0].data[0]',
        reason: 'NaN is not a JSON number',
      }),
    );
  });
});
