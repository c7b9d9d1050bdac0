import type { JsonValue } from '@strive/eventlog';

const isArray = (v: JsonValue): v is readonly JsonValue[] => Array.isArray(v);

/**
 * Whether two JSON values have the same RFC 8785 canonical text, without writing it: numbers equal
 * (so 0 and -0 are the same), strings equal, arrays equal item by item, objects with the same own keys
 * (in any order) and equal values. A property test holds it equal to comparing `canonicalJson` texts.
 * Pure; recursive, so callers bound the depth first (validated values are).
 * @example sameJson({ a: 1, b: [0] }, { b: [-0], a: 1 }) // true
 */
export const sameJson = (a: JsonValue, b: JsonValue): boolean => {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (isArray(a)) {
    if (!isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    // An own key named "__proto__" (as JSON.parse makes) is read as the value it holds.
    const v = a[k];
    const w = Object.hasOwn(b, k) ? b[k] : undefined;
    if (v === undefined || w === undefined || !sameJson(v, w)) return false;
  }
  return true;
};
