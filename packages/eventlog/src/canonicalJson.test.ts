import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

describe('canonicalJson', () => {
  it('writes keys in code-unit order and numbers the way JCS spells them', () => {
    expect(canonicalJson({ b: [1e21, 0.1, -0], a: { d: null, c: 'x' } })).toBe(
      '{"a":{"c":"x","d":null},"b":[1e+21,0.1,0]}',
    );
  });

  it('refuses a value that is not JSON, saying to validate it first, instead of hashing nothing', () => {
    // @ts-expect-error -- undefined is not JSON: the guard exists for callers that skip validateJson
    expect(() => canonicalJson(undefined)).toThrow(/not JSON; validate it first/);
  });
});
