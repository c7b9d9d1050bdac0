import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, StoredEventCodec } from '@strive/eventlog';
import { decodeStoredEvent } from './decodeEventRow.js';
import { EventRowCodec, rowAsObject } from './EventRowCodec.js';

const text = fc.string({ maxLength: 10 });
const metadata = fc.oneof(
  fc.record(
    {
      at: fc.constant('2025-01-01T00:00:00Z'),
      actor: fc.oneof(
        fc.record({ id: text, role: text }),
        fc.record({ id: text, role: text, extra: fc.integer() }),
        fc.record({ id: fc.integer(), role: text }),
      ),
      commandId: text,
      causationId: fc.oneof(text, fc.integer()),
      correlationId: text,
      commandDigest: text,
      unknown: text,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const validRow = fc.tuple(
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  fc.uuid(),
  text,
  fc.integer({ min: 1, max: 1_000_000 }),
  text,
  fc.integer({ min: 1, max: 1_000_000 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  metadata.map((m) => JSON.stringify(m)),
  fc.oneof(fc.constant(GENESIS_HASH), fc.stringMatching(/^[0-9a-f]{64}$/)),
  fc.stringMatching(/^[0-9a-f]{64}$/),
);
/** A valid row with one column replaced by something else (or the row itself mangled). */
const corruptRow = fc
  .tuple(
    validRow,
    fc.nat({ max: 9 }),
    fc.oneof(
      fc.anything({ maxDepth: 1 }),
      fc.constantFrom('{', 'not json', '', 'A'.repeat(64), 0, -1, 1.5, null),
    ),
  )
  .map(([row, i, v]): unknown[] => row.map((c, j) => (j === i ? v : c)));
const anyRow = fc.oneof(validRow, corruptRow, fc.anything({ maxDepth: 2 }));

describe('EventRowCodec', () => {
  it('decodes exactly what StoredEventCodec decodes from the row fields (property)', () => {
    fc.assert(
      fc.property(anyRow, (row) => {
        const fast = EventRowCodec.decode(row);
        if (!Array.isArray(row)) {
          expect(E.isLeft(fast)).toBe(true);
          return;
        }
        const reference = StoredEventCodec.decode(rowAsObject(row));
        expect(E.isRight(fast)).toBe(E.isRight(reference));
        if (E.isRight(fast) && E.isRight(reference)) expect(fast.right).toEqual(reference.right);
      }),
      { numRuns: 3000 },
    );
  });

  it('strips unknown metadata fields as StoredEventCodec does', () => {
    const row = [
      1,
      '00000000-0000-4000-8000-000000000001',
      's',
      1,
      'T',
      1,
      '{"a":1}',
      '{"actor":{"id":"u","role":"r","x":1},"at":"2025-01-01T00:00:00Z","y":2}',
      GENESIS_HASH,
      'f'.repeat(64),
    ];
    expect(decodeStoredEvent(row).metadata).toStrictEqual({
      at: '2025-01-01T00:00:00Z',
      actor: { id: 'u', role: 'r' },
    });
  });

  it.each([
    ['data that is not JSON', 6, '{', /data is not JSON/],
    ['metadata that is not text', 7, 42, /metadata is not text/],
    ['a hash that is not hex', 9, 'X'.repeat(64), /hash/],
    ['a zero stream position', 3, 0, /streamPosition/],
  ])('refuses a row with %s, saying it is corrupt', (_, column, value, message) => {
    const row: unknown[] = [
      7,
      '00000000-0000-4000-8000-000000000001',
      's',
      1,
      'T',
      1,
      '{}',
      '{"at":"2025-01-01T00:00:00Z"}',
      GENESIS_HASH,
      'f'.repeat(64),
    ];
    row[column] = value;
    expect(() => decodeStoredEvent(row)).toThrow(/global_position 7 is corrupt/);
    expect(() => decodeStoredEvent(row)).toThrow(message);
  });

  it('walks deep data as StoredEventCodec does: too deep is corrupt, just shallow enough decodes', () => {
    const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
    const row = (data: string): unknown[] => [
      3,
      '00000000-0000-4000-8000-000000000001',
      's',
      1,
      'T',
      1,
      data,
      '{"at":"2025-01-01T00:00:00Z"}',
      GENESIS_HASH,
      'f'.repeat(64),
    ];
    for (const depth of [999, 1000, 1001, 1002, 5000]) {
      const r = row(nested(depth));
      const reference = StoredEventCodec.decode(rowAsObject(r));
      expect(E.isRight(EventRowCodec.decode(r))).toBe(E.isRight(reference));
      if (E.isLeft(reference)) expect(() => decodeStoredEvent(r)).toThrow(/is corrupt/);
      else expect(decodeStoredEvent(r).data).toEqual(JSON.parse(nested(depth)));
    }
  });
});
