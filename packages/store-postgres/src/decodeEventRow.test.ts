import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredEventCodec } from '@strive/eventlog';
import { MAX_DECODE_DEPTH } from '@strive/eventlog/adapter';
import { decodeEventRow, EVENT_ROW_TYPES } from './decodeEventRow.js';

const hash = 'a'.repeat(64);
const row = (over: Partial<Record<number, unknown>> = {}): unknown[] => {
  const base: unknown[] = [
    '7',
    '0190a000-0000-7000-8000-000000000001',
    'pledges',
    '3',
    'Pledged',
    1,
    '{"amount":5}',
    '{"at":"2010-05-10T09:00:00+08:00"}',
    '0'.repeat(64),
    hash,
  ];
  return base.map((v, i) => (i in over ? over[i] : v));
};

describe('decodeEventRow', () => {
  it('decodes a row whose every cell is the text EVENT_ROW_TYPES leaves (int8, int4, uuid)', () => {
    const asText = (oid: number, text: string): unknown =>
      (EVENT_ROW_TYPES.getTypeParser(oid) as (t: string) => unknown)(text);
    expect([asText(20, '9007199254740991'), asText(23, '2'), asText(2950, 'x')]).toEqual([
      '9007199254740991',
      '2',
      'x',
    ]);
    const e = decodeEventRow(row({ 0: asText(20, '7'), 3: asText(20, '3'), 5: '2' }), false);
    expect([e.globalPosition, e.streamPosition, e.schemaVersion]).toEqual([7, 3, 2]);
    expect(() => decodeEventRow(row({ 5: '0' }), false)).toThrow(/malformed/);
  });

  it('refuses data nested deeper than the codec follows, and accepts it one level shallower', () => {
    const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
    expect(() => decodeEventRow(row({ 6: nested(MAX_DECODE_DEPTH + 1) }), false)).toThrow(
      /malformed/,
    );
    expect(decodeEventRow(row({ 6: nested(MAX_DECODE_DEPTH) }), false).data).toBeDefined();
  });

  it('decodes a row into the stored event, keeping the JSON texts when asked', () => {
    expect(decodeEventRow(row(), true)).toEqual({
      eventId: '0190a000-0000-7000-8000-000000000001',
      streamId: 'pledges',
      streamPosition: 3,
      globalPosition: 7,
      type: 'Pledged',
      schemaVersion: 1,
      data: { amount: 5 },
      metadata: { at: '2010-05-10T09:00:00+08:00' },
      prevHash: '0'.repeat(64),
      hash,
      dataJson: '{"amount":5}',
      metadataJson: '{"at":"2010-05-10T09:00:00+08:00"}',
    });
    expect(decodeEventRow(row(), false)).not.toHaveProperty('dataJson');
  });

  it.each([
    ['a position that is not a positive safe integer', { 0: '0' }],
    ['a huge position', { 3: '99999999999999999' }],
    ['data that is not JSON', { 6: '{nope' }],
    ['metadata without a business time', { 7: '{"actor":{"id":"a","role":"r"}}' }],
    ['an actor of the wrong shape', { 7: '{"at":"x","actor":{"id":1,"role":"r"}}' }],
    ['a hash that is not 64 hex digits', { 9: 'A'.repeat(64) }],
    ['a missing column', { 4: undefined }],
  ])('throws on %s', (_, over) => {
    expect(() => decodeEventRow(row(over), false)).toThrow(/malformed/);
  });

  it('decodes metadata exactly as StoredEventCodec does (unknown keys stripped)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
    const metadata = fc.record(
      {
        at: fc.oneof(fc.string(), fc.integer()),
        actor: fc.oneof(
          fc.record({ id: fc.string(), role: fc.string() }),
          fc.record({ id: value, role: value, extra: value }, { requiredKeys: [] }),
        ),
        commandId: value,
        correlationId: value,
        other: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(metadata, (m) => {
        const text = JSON.stringify(m);
        const parsed: unknown = JSON.parse(text);
        const expected = StoredEventCodec.decode({
          ...decodeEventRow(row(), false),
          metadata: parsed,
        });
        if (E.isLeft(expected)) expect(() => decodeEventRow(row({ 7: text }), false)).toThrow();
        else
          expect(decodeEventRow(row({ 7: text }), false).metadata).toEqual(expected.right.metadata);
      }),
    );
  });
});
