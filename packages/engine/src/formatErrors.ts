import type * as t from 'io-ts';
import type { FieldError } from './CommandOutcome.js';

/** io-ts types whose context keys are member indexes, not data paths. */
const COMBINATORS = new Set(['UnionType', 'IntersectionType']);
/** io-ts types that validate through an inner type without adding a context entry of their own. */
const WRAPPERS = new Set(['ExactType', 'RefinementType', 'ReadonlyType']);

const tagOf = (type: t.Decoder<unknown, unknown>): string | undefined =>
  '_tag' in type && typeof type._tag === 'string' ? type._tag : undefined;

const isDecoder = (u: unknown): u is t.Decoder<unknown, unknown> =>
  typeof u === 'object' && u !== null && 'decode' in u && typeof u.decode === 'function';

const show = (u: unknown): string => {
  if (u === undefined) return 'nothing';
  const s = JSON.stringify(u) ?? typeof u;
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** The data path of an io-ts error (`pledges.0.target.value`), skipping union/intersection member indexes. Pure. */
const pathOf = (context: t.Context): string => {
  const keys: string[] = [];
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (parent === undefined || entry === undefined) continue;
    // The entry was added by the parent's type, or by the type it wraps (exact, refinement, readonly).
    let type: t.Decoder<unknown, unknown> = parent.type;
    while (WRAPPERS.has(tagOf(type) ?? '') && 'type' in type && isDecoder(type.type))
      type = type.type;
    // A union or intersection adds its member's index, with the member as type: not a data key.
    const tag = tagOf(type);
    const members = 'types' in type && Array.isArray(type.types) ? type.types : [];
    if (tag !== undefined && COMBINATORS.has(tag) && members.includes(entry.type)) continue;
    keys.push(entry.key);
  }
  return keys.join('.');
};

/** Field errors from io-ts errors: one per path (the innermost expectation), in order. Pure. */
export const formatErrors = (errors: t.Errors): FieldError[] => {
  const byPath = new Map<string, FieldError>();
  for (const e of errors) {
    const path = pathOf(e.context);
    if (byPath.has(path)) continue;
    const expected = e.context[e.context.length - 1]?.type.name ?? 'a value';
    byPath.set(path, { path, message: e.message ?? `expected ${expected}, got ${show(e.value)}` });
  }
  return [...byPath.values()];
};

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Keys of `raw` that decoding dropped (io-ts `exact`/`strict` strip unknown keys instead of failing):
 * each is an "unknown field" error, so commands are exact. Pure.
 */
export const strippedKeys = (raw: unknown, decoded: unknown, path = ''): FieldError[] => {
  const at = (k: string | number): string => (path === '' ? String(k) : `${path}.${k}`);
  if (Array.isArray(raw) && Array.isArray(decoded))
    return raw.flatMap((item: unknown, i) => strippedKeys(item, decoded[i], at(i)));
  if (!isRecord(raw) || !isRecord(decoded) || Object.getPrototypeOf(decoded) !== Object.prototype)
    return [];
  return Object.keys(raw).flatMap((k) =>
    Object.prototype.hasOwnProperty.call(decoded, k)
      ? strippedKeys(raw[k], decoded[k], at(k))
      : [{ path: at(k), message: 'unknown field' }],
  );
};
