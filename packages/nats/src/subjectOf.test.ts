import * as E from 'fp-ts/lib/Either.js';
import { appendToStream, createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from './eventMessage.js';
import { streamTypeOf, subjectOf, subjectToken } from './subjectOf.js';

describe('subjects and messages', () => {
  it('names a subject by stream type and event type, with unsafe characters replaced', () => {
    expect(streamTypeOf('claim-42-b')).toBe('claim');
    expect(streamTypeOf('ledger')).toBe('ledger');
    expect(subjectToken('a.b *>c')).toBe('a_b___c');
    expect(subjectToken('')).toBe('_');
    expect(subjectOf('strive')({ streamId: 'sub.ject-1', type: 'Notice Started' })).toBe(
      'strive.sub_ject.Notice_Started',
    );
  });

  it('round-trips an event and refuses a flipped byte', async () => {
    const store = createMemoryEventStore();
    const r = await appendToStream(
      store,
      'claim-1',
      [{ type: 'ClaimApproved', data: { by: 'bo' }, metadata: { at: '2026-03-01T10:00:00Z' } }],
      { expectedVersion: 'any' },
    );
    if (E.isLeft(r)) throw new Error('append');
    const [event] = r.right.events;
    if (event === undefined) throw new Error('append');
    const body = encodeEvent(event);
    expect(decodeEvent(body, 1)).toEqual(E.right(event));
    const flipped = Uint8Array.from(body);
    const at = new TextDecoder().decode(body).indexOf('"bo"') + 1;
    flipped[at] = 'c'.charCodeAt(0);
    expect(decodeEvent(flipped, 7)).toEqual(
      E.left({
        _tag: 'ForgedMessage',
        seq: 7,
        reason: `event ${event.eventId}: content does not match its hash`,
      }),
    );
    expect(decodeEvent(Uint8Array.of(0xff), 8)).toMatchObject({
      left: { reason: 'not UTF-8 JSON' },
    });
  });
});
