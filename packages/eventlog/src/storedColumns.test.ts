import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isJsonValue, MAX_DECODE_DEPTH } from './JsonValueCodec.js';
import { isHex64, parseJsonColumn, parseJsonDataColumn, storedMetadata } from './storedColumns.js';

const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

describe('stored columns', () => {
  it('isHex64 agrees with /^[0-9a-f]{64}$/', () => {
    const HEX64 = /^[0-9a-f]{64}$/;
    const near = fc
      .tuple(
        fc.stringMatching(/^[0-9a-f]{64}$/),
        fc.nat(70),
        fc.constantFrom('', 'A', 'g', '/', ':', '`', '\n', 'é', '\u{1F600}', '\u0100'),
      )
      .map(([h, at, c]) => h.slice(0, at) + c + h.slice(at + (c === '' ? 0 : 1)));
    fc.assert(
      fc.property(
        fc.oneof(near, fc.string({ maxLength: 70 }), fc.stringMatching(/^[0-9a-f]{60,68}$/)),
        (s) => isHex64(s) === HEX64.test(s),
      ),
      { numRuns: 2000 },
    );
    expect(isHex64('0123456789abcdef'.repeat(4))).toBe(true);
    expect(isHex64('0123456789abcdef'.repeat(4) + '\n')).toBe(false);
    expect(isHex64(42)).toBe(false);
  });

  it('parses JSON text and gives undefined for anything else', () => {
    expect(parseJsonColumn('{"a":[1,"x",null]}')).toEqual({ a: [1, 'x', null] });
    expect(parseJsonColumn('null')).toBeNull();
    expect(parseJsonColumn('{"a":')).toBeUndefined();
    expect(parseJsonColumn(42)).toBeUndefined();
  });

  it('answers for data exactly as JsonValueCodec does, at and around the depth limit', () => {
    for (const levels of [1, MAX_DECODE_DEPTH - 1, MAX_DECODE_DEPTH, MAX_DECODE_DEPTH + 1, 3000]) {
      const text = nested(levels);
      expect(parseJsonDataColumn(text) !== undefined).toBe(isJsonValue(JSON.parse(text)));
    }
    expect(parseJsonDataColumn(nested(MAX_DECODE_DEPTH))).toBeDefined();
    expect(parseJsonDataColumn(nested(MAX_DECODE_DEPTH + 1))).toBeUndefined();
    expect(parseJsonDataColumn('not json')).toBeUndefined();
    expect(parseJsonDataColumn(null)).toBeUndefined();
  });

  it('gives parsed data equal to the text for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(parseJsonDataColumn(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('keeps metadata of the stored shape as it is and leaves anything else to the codec', () => {
    const plain = {
      actor: { id: 'u1', role: 'secretary' },
      at: '2025-01-01T00:00:00Z',
      commandId: 'c1',
    };
    expect(storedMetadata(plain)).toBe(plain);
    expect(storedMetadata({ at: '2025-01-01T00:00:00Z' })).toEqual({ at: '2025-01-01T00:00:00Z' });
    expect(storedMetadata({ at: '2025-01-01T00:00:00Z', extra: 1 })).toBeUndefined();
    expect(storedMetadata({ at: 1 })).toBeUndefined();
    expect(storedMetadata({ at: 'x', commandId: 7 })).toBeUndefined();
    expect(storedMetadata({ at: 'x', actor: { id: 'u', role: 'r', more: 1 } })).toBeUndefined();
    expect(storedMetadata({ at: 'x', actor: { id: 'u' } })).toBeUndefined();
    expect(storedMetadata([])).toBeUndefined();
    expect(storedMetadata(null)).toBeUndefined();
  });
});
