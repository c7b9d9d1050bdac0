import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { StoredEventCodec } from './EventEnvelope.js';
import { isExactStoredEvent } from './isExactStoredEvent.js';

const event = {
  eventId: 'e1',
  streamId: 's',
  streamPosition: 1,
  globalPosition: 1,
  type: 'T',
  schemaVersion: 1,
  data: { any: ['json', 1, null, { extra: true }] },
  metadata: { at: '2025-01-01T00:00:00Z', actor: { id: 'a', role: 'r' }, commandId: 'c' },
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
};

describe('isExactStoredEvent', () => {
  it('holds exactly when decode would return the value unchanged', () => {
    const cases: [unknown, boolean][] = [
      [event, true],
      [{ ...event, metadata: { at: event.metadata.at } }, true],
      [{ ...event, extra: 1 }, false],
      [{ ...event, metadata: { ...event.metadata, extra: 1 } }, false],
      [{ ...event, metadata: { ...event.metadata, actor: { id: 'a', role: 'r', x: 1 } } }, false],
      [{ ...event, hash: 'A'.repeat(64) }, false],
      [{ ...event, streamPosition: 0 }, false],
      [JSON.parse('{"__proto__":1}'), false],
      [null, false],
    ];
    for (const [u, exact] of cases) {
      expect(isExactStoredEvent(u)).toBe(exact);
      const decoded = StoredEventCodec.decode(u);
      if (exact) expect(decoded).toEqual(E.right(u));
      else if (E.isRight(decoded)) expect(decoded.right).not.toEqual(u);
    }
  });
});
