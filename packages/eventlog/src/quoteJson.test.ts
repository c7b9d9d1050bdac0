import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringLength, quoteJson } from './quoteJson.js';

describe('quoteJson', () => {
  it('equals JSON.stringify for any string, escapes and lone surrogates included, and so does its length (property)', () => {
    const special = fc.constantFrom(
      '"',
      '\\',
      '\u0000',
      '\u001f',
      '\u007f',
      '\ud800',
      '\udc00',
      '\u2028',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.oneof(fc.string({ maxLength: 4 }), special)).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(quoteJson(s)).toBe(JSON.stringify(s));
        expect(jsonStringLength(s)).toBe(JSON.stringify(s).length);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts an escape as the characters it is written with', () => {
    expect(jsonStringLength('a"b')).toBe(6);
    expect(jsonStringLength('\u0000')).toBe(8);
    expect(jsonStringLength('plain')).toBe(7);
  });

  it('quotes a plain name as is', () => {
    expect(quoteJson('stream-1')).toBe('"stream-1"');
    expect(quoteJson('')).toBe('""');
  });
});
