import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { prepareRequests } from './prepareRequests.js';

const at = '2025-01-01T00:00:00Z';
const newId = () => '01900000-0000-7000-8000-000000000001';
const event = { type: 'T', data: {}, metadata: { at } };
const pathOf = (r: E.Either<{ readonly path: string }, unknown>): string | undefined =>
  E.isLeft(r) ? r.left.path : undefined;

describe('prepareRequests', () => {
  let n = 0;
  const freshId = () => `01900000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;

  it('prepares every request in order', () => {
    const r = prepareRequests(
      [
        { streamId: 'a', expectedVersion: 0, events: [event, event] },
        { streamId: 'b', expectedVersion: 'exists', events: [] },
      ],
      freshId,
    );
    expect(E.isRight(r) && r.right.map((x) => [x.streamId, x.events.length])).toEqual([
      ['a', 2],
      ['b', 0],
    ]);
  });

  it.each([
    ['requests that are not an array', {}, 'requests'],
    ['a request that is not an object', [null], 'requests[0]'],
    [
      'an unknown request field',
      [{ streamId: 'a', expectedVersion: 0, events: [], inline: [] }],
      'requests[0].inline',
    ],
    [
      'a NUL in a stream id',
      [{ streamId: 'a\0', expectedVersion: 0, events: [] }],
      'requests[0].streamId',
    ],
    [
      'a fractional expected version',
      [{ streamId: 'a', expectedVersion: 0.5, events: [] }],
      'requests[0].expectedVersion',
    ],
    [
      'a bad event',
      [
        { streamId: 'a', expectedVersion: 0, events: [event] },
        { streamId: 'b', expectedVersion: 0, events: [{ ...event, data: NaN }] },
      ],
      'requests[1].events[0].data',
    ],
    [
      'an id used in two requests',
      [
        { streamId: 'a', expectedVersion: 0, events: [{ ...event, eventId: newId() }] },
        { streamId: 'b', expectedVersion: 0, events: [{ ...event, eventId: newId() }] },
      ],
      'requests[1].events[0].eventId',
    ],
  ])('refuses %s, naming its path', (_what, requests, path) => {
    expect(pathOf(prepareRequests(requests, freshId))).toBe(path);
  });
});
