import type { JsonValue } from './json.js';

const isArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

/**
 * RFC 8785 (JCS) text of a JSON value that is already known to be valid (finite numbers, well-formed
 * strings, plain objects): keys sorted by UTF-16 code units, numbers and strings as `JSON.stringify`
 * writes them, which is what JCS specifies and what the `canonicalize` library does (a property test
 * holds the two equal). Pure; recursive, so callers bound the depth first.
 * @example serializeCanonical({ b: 1, 10: 'x', 2: [true] }) // '{"10":"x","2":[true],"b":1}'
 */
export const serializeCanonical = (v: JsonValue): string => {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (isArray(v)) {
    const items = v;
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ',';
      out += serializeCanonical(items[i] ?? null);
    }
    return `${out}]`;
  }
  const keys = Object.keys(v).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? '';
    if (i > 0) out += ',';
    out += `${JSON.stringify(k)}:${serializeCanonical(v[k] ?? null)}`;
  }
  return `${out}}`;
};
