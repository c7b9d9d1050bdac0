import canonicalize from 'canonicalize';
import type { JsonValue } from './json.js';

/**
 * RFC 8785 (JCS) canonical JSON of a plain JSON value, via the `canonicalize` library. Pure.
 * @example canonicalJson({ b: 1, a: 'x' }) // '{"a":"x","b":1}'
 */
export const canonicalJson = (value: JsonValue): string => {
  const s = canonicalize(value);
  if (s === undefined) throw new Error('canonicalJson: value is not JSON; validate it first');
  return s;
};
