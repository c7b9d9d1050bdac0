import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import * as t from 'io-ts';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from './json.js';
import { isJsonValue, JsonValueCodec, MAX_DECODE_DEPTH } from './JsonValueCodec.js';

/** The generic io-ts codec `JsonValueCodec` replaced: the reference it must agree with. */
const GenericJsonValue: t.Type<JsonValue> = t.recursion('JsonValue', () =>
  t.union([
    t.null,
    t.boolean,
    t.number,
    t.string,
    t.readonlyArray(GenericJsonValue),
    t.readonly(t.record(t.string, GenericJsonValue)),
  ]),
);

const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const nest = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { v };
  return v;
};

describe('JsonValueCodec', () => {
  it('decodes exactly what the generic io-ts union codec decodes, returning the input itself (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), anything), (u) => {
        const fast = JsonValueCodec.decode(u);
        const generic = GenericJsonValue.decode(u);
        expect(E.isRight(fast)).toBe(E.isRight(generic));
        // (The generic `is` skips array holes that its `decode` refuses; the fast one agrees with decode.)
        expect(JsonValueCodec.is(u)).toBe(E.isRight(generic));
        if (E.isRight(fast)) expect(fast.right).toBe(u);
      }),
      { numRuns: 2000 },
    );
  });

  it('names where the first non-JSON value is', () => {
    const r = JsonValueCodec.decode({ a: [1, { b: undefined }] });
    expect(E.isLeft(r)).toBe(true);
    expect(PathReporter.report(r).join('\n')).toMatch(/\$\.a\[1\]\.b/);
  });

  it('refuses values nested deeper than MAX_DECODE_DEPTH and cycles, without overflowing the stack', () => {
    expect(isJsonValue(nest(MAX_DECODE_DEPTH))).toBe(true);
    expect(isJsonValue(nest(MAX_DECODE_DEPTH + 1))).toBe(false);
    expect(E.isLeft(JsonValueCodec.decode(nest(100_000)))).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(PathReporter.report(JsonValueCodec.decode(cyclic)).join('')).toMatch(/deeper than/);
  });

  it('accepts the values JSON.parse produces, __proto__ keys included', () => {
    const parsed: unknown = JSON.parse('{"__proto__":{"a":[1,"x",null,true]},"b":-0.5}');
    expect(JsonValueCodec.decode(parsed)).toEqual(E.right(parsed));
  });
});
