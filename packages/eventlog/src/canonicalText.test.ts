import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText } from './canonicalText.js';
import * as E from 'fp-ts/lib/Either.js';
import { JsonValueCodec } from './JsonValueCodec.js';
import type { JsonValue } from './json.js';

/** JSON text parsed and decoded as this package's `JsonValue` (never cast). */
const parsed = (text: string): JsonValue => {
  const d = JsonValueCodec.decode(JSON.parse(text));
  if (E.isLeft(d)) throw new Error(`not JSON: ${text}`);
  return d.right;
};

const json = fc.jsonValue({ maxDepth: 5 }).map((v) => parsed(JSON.stringify(v)));

describe('canonicalText', () => {
  it('equals the canonicalize library for any JSON value and for it read back from its canonical text (property)', () => {
    fc.assert(
      fc.property(json, (v) => {
        const expected = canonicalize(v);
        expect(canonicalText(v)).toBe(expected);
        expect(canonicalText(parsed(expected ?? 'null'))).toBe(expected);
      }),
      { numRuns: 2000, seed: 22 },
    );
  });

  it('sorts keys that JavaScript enumerates out of canonical order, and nested ones', () => {
    expect(canonicalText({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonicalText(parsed('{"10":1,"2":2}'))).toBe('{"10":1,"2":2}');
    expect(canonicalText({ a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}]}');
    expect(canonicalText({ a: 1e21, b: -0 })).toBe('{"a":1e+21,"b":0}');
  });

  it('writes an inherited enumerable key out of the text whatever its order (canonicalJson path)', () => {
    const inherited: JsonValue = { b: 1, c: 2 };
    Object.setPrototypeOf(inherited, { a: 0 });
    expect(canonicalText(inherited)).toBe('{"b":1,"c":2}');
    expect(canonicalText(parsed('{"a":{"y":1,"x":[{"b":0,"a":0}]}}'))).toBe(
      '{"a":{"x":[{"a":0,"b":0}],"y":1}}',
    );
  });
});
