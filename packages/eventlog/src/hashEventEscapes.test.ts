import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashEvent } from './hashEvent.js';
import { JSON_ESCAPE_SAMPLES } from './testSupport/jsonEscapes.js';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

// hashEvent is the hash of the canonical envelope for any strings in its fields, not only for the
// UUIDs and hex hashes a validated log holds: each of the four string fields is quoted as JSON
// quotes it, whichever of them needs an escape.
describe('hashEvent quotes every string field as JSON does', () => {
  const anyString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(...JSON_ESCAPE_SAMPLES),
  );
  const canonicalText = (f: {
    eventId: string;
    streamId: string;
    type: string;
    prevHash: string;
  }): string =>
    JSON.stringify({
      data: { a: 1 },
      eventId: f.eventId,
      globalPosition: 7,
      metadata: { at: '2025-01-01T00:00:00Z' },
      prevHash: f.prevHash,
      schemaVersion: 2,
      streamId: f.streamId,
      streamPosition: 3,
      type: f.type,
    });
  const hashOf = (f: { eventId: string; streamId: string; type: string; prevHash: string }) =>
    hashEvent({
      ...f,
      streamPosition: 3,
      globalPosition: 7,
      schemaVersion: 2,
      dataJson: '{"a":1}',
      metadataJson: '{"at":"2025-01-01T00:00:00Z"}',
    });

  it.each(['eventId', 'streamId', 'type', 'prevHash'] as const)(
    'escapes %s when only that field needs it',
    (field) => {
      const plain = { eventId: 'e', streamId: 's', type: 't', prevHash: 'p' };
      for (const s of JSON_ESCAPE_SAMPLES) {
        const f = { ...plain, [field]: `x${s}` };
        expect(hashOf(f)).toBe(sha256(canonicalText(f)));
      }
    },
  );

  it('for any four strings (property)', () => {
    fc.assert(
      fc.property(
        anyString,
        anyString,
        anyString,
        anyString,
        (eventId, streamId, type, prevHash) => {
          const f = { eventId, streamId, type, prevHash };
          expect(hashOf(f)).toBe(sha256(canonicalText(f)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
