import canonicalize from 'canonicalize';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';
import { GENESIS_HASH, JsonValueCodec } from './EventEnvelope.js';
import type { JsonValue } from './json.js';
import { computeEventHash, hashEvent } from './hashEvent.js';
import { serializeCanonical } from './serializeCanonical.js';
import { JSON_ESCAPE_SAMPLES } from './testSupport/jsonEscapes.js';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** fast-check's JSON value as this package's `JsonValue` type (decoded, never cast). */
const asJson = (v: unknown): JsonValue => {
  const d = JsonValueCodec.decode(v);
  if (E.isLeft(d)) throw new Error('fast-check gave a value that is not JSON');
  return d.right;
};

const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
const envelope = fc.record({
  eventId: fc.uuid({ version: 7 }),
  streamId: name,
  streamPosition: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  globalPosition: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  type: name,
  schemaVersion: fc.integer({ min: 1, max: 1_000_000 }),
  data: fc.jsonValue({ stringUnit: 'grapheme' }).map(asJson),
  // Keys in canonical order, so computeEventHash takes its one-stringify path with canonical data.
  metadata: fc.record(
    {
      actor: fc.record({ id: name, role: name }),
      at: fc.constant('2025-01-01T00:00:00Z'),
      commandId: name,
    },
    { requiredKeys: ['at'] },
  ),
  prevHash: fc.oneof(fc.constant(GENESIS_HASH), fc.stringMatching(/^[0-9a-f]{64}$/)),
});

describe('hashEvent', () => {
  it('equals SHA-256 of the RFC 8785 canonical JSON of the envelope, for arbitrary data (property)', () => {
    fc.assert(
      fc.property(envelope, (e) => {
        const expected = sha256(canonicalize(e) ?? '');
        const viaJson = hashEvent({
          ...e,
          dataJson: canonicalJson(e.data),
          metadataJson: canonicalJson(e.metadata),
        });
        expect(viaJson).toBe(expected);
        expect(computeEventHash(e)).toBe(expected);
        // Read back from canonical text, data keeps canonical key order: the one-stringify path.
        const data = asJson(JSON.parse(canonicalJson(e.data)));
        expect(computeEventHash({ ...e, data })).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes ids, names and the previous hash as JSON does, escapes and lone surrogates included (property)', () => {
    const anyString = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(...JSON_ESCAPE_SAMPLES),
    );
    fc.assert(
      fc.property(
        anyString,
        anyString,
        anyString,
        anyString,
        (eventId, streamId, type, prevHash) => {
          const data = { a: 1 };
          const metadata = { at: '2025-01-01T00:00:00Z' };
          const fields = { eventId, streamId, type, prevHash, data, metadata };
          const e = { ...fields, streamPosition: 3, globalPosition: 7, schemaVersion: 1 };
          // Keys in JCS order, so JSON.stringify writes the canonical text, a lone surrogate
          // escaped as hashEvent must (the canonicalize library refuses one).
          const text = JSON.stringify({
            data,
            eventId,
            globalPosition: 7,
            metadata,
            prevHash,
            schemaVersion: 1,
            streamId,
            streamPosition: 3,
            type,
          });
          expect(computeEventHash(e)).toBe(sha256(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('changes when any single field changes', () => {
    const base = {
      eventId: '01900000-0000-7000-8000-000000000001',
      streamId: '创先争优',
      streamPosition: 1,
      globalPosition: 1,
      type: 'T',
      schemaVersion: 1,
      data: { a: 1 },
      metadata: { at: '2025-01-01T00:00:00Z' },
      prevHash: GENESIS_HASH,
    };
    const h = computeEventHash(base);
    const variants = [
      { eventId: '01900000-0000-7000-8000-000000000002' },
      { streamId: '创先争优 ' },
      { streamPosition: 2 },
      { globalPosition: 2 },
      { type: 't' },
      { schemaVersion: 2 },
      { data: { a: 2 } },
      { metadata: { at: '2025-01-01T00:00:01Z' } },
      { prevHash: 'f'.repeat(64) },
    ];
    const hashes = variants.map((v) => computeEventHash({ ...base, ...v }));
    expect(new Set([h, ...hashes]).size).toBe(variants.length + 1);
  });

  it('ignores key order and number spelling: JSON texts that differ only there give one canonical text and one hash', () => {
    // Spellings differ in the text read at a boundary (a CLI line, a stored row); once parsed they must
    // serialize to JCS's one form (ECMAScript's shortest number text) and so hash alike.
    const texts = [
      '{"b":1.0,"a":[1.0,1e2,0.5E1,1E21,1e-7,-0.0,12.50]}',
      '{"a":[1,100,5,1e+21,1e-7,0,12.5],"b":1}',
      '{"a":[10e-1,1.00e2,50e-1,1000000000000000000000,0.0000001,0,1.25e1],"b":100e-2}',
    ];
    const canonical = '{"a":[1,100,5,1e+21,1e-7,0,12.5],"b":1}';
    const base = {
      eventId: '01900000-0000-7000-8000-000000000001',
      streamId: 's',
      streamPosition: 1,
      globalPosition: 1,
      type: 'T',
      schemaVersion: 1,
      metadata: { at: '2025-01-01T00:00:00Z' },
      prevHash: GENESIS_HASH,
    };
    const parsed = texts.map((text) => asJson(JSON.parse(text)));
    expect(parsed.map(canonicalJson)).toEqual(texts.map(() => canonical));
    expect(parsed.map(serializeCanonical)).toEqual(texts.map(() => canonical));
    const hashes = parsed.map((data) => computeEventHash({ ...base, data }));
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toBe(
      sha256(
        `{"data":${canonical},"eventId":"${base.eventId}","globalPosition":1,"metadata":{"at":"2025-01-01T00:00:00Z"},"prevHash":"${GENESIS_HASH}","schemaVersion":1,"streamId":"s","streamPosition":1,"type":"T"}`,
      ),
    );
  });
});
