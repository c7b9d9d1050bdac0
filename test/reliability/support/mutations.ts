import fc from 'fast-check';

/** A path into a JSON-like value: object keys and array indexes. */
export type Path = readonly (string | number)[];

/** The kinds of damage done to an otherwise valid command or event. */
type MutationKind =
  | 'wrongType'
  | 'missing'
  | 'nonFinite'
  | 'extraKey'
  | 'hugeString'
  | 'deepNesting'
  | 'protoKey'
  | 'loneSurrogate';

/** One mutation: what, where (an index into the eligible paths), and which variant. */
export interface Mutation {
  readonly kind: MutationKind;
  readonly where: number;
  readonly variant: number;
}

/** Mutations, the costly ones (10 MB strings, 10,000-deep nesting) rarer. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.oneof(
    {
      arbitrary: fc.constantFrom<MutationKind>(
        'wrongType',
        'missing',
        'nonFinite',
        'extraKey',
        'protoKey',
        'loneSurrogate',
      ),
      weight: 30,
    },
    { arbitrary: fc.constant<MutationKind>('deepNesting'), weight: 3 },
    { arbitrary: fc.constant<MutationKind>('hugeString'), weight: 1 },
  ),
  where: fc.nat(),
  variant: fc.nat(),
});

/** A 10 MB string, built once. */
const HUGE = 'x'.repeat(10 * 1024 * 1024);

const deep = (levels: number, asObject: boolean): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = asObject ? { a: v } : [v];
  return v;
};
/** 10,000-deep nestings of arrays and of objects, built once. */
export const DEEP_ARRAY = deep(10_000, false);
export const DEEP_OBJECT = deep(10_000, true);

const isObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** Every path of a value (the root excluded), with the value found there. Pure. */
export const pathsOf = (
  value: unknown,
  prefix: Path = [],
): Array<{ path: Path; value: unknown }> => {
  const out: Array<{ path: Path; value: unknown }> = [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i): [number, unknown] => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [k, v] of entries) {
    const path = [...prefix, k];
    out.push({ path, value: v }, ...pathsOf(v, path));
  }
  return out;
};

const parentOf = (root: unknown, path: Path): unknown =>
  path
    .slice(0, -1)
    .reduce<unknown>(
      (v, k) => (isObject(v) || Array.isArray(v) ? Reflect.get(v, k) : undefined),
      root,
    );

const setAt = (root: unknown, path: Path, value: unknown): void => {
  const parent = parentOf(root, path);
  const key = path[path.length - 1];
  if (key === undefined || typeof parent !== 'object' || parent === null)
    throw new Error('bad path');
  Object.defineProperty(parent, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
};

const typeOf = (u: unknown): string =>
  u === null ? 'null' : Array.isArray(u) ? 'array' : typeof u;

const OTHER_TYPED: readonly unknown[] = [
  42,
  'text',
  true,
  null,
  [],
  {},
  [1, 'a'],
  { k: 'v' },
  -0.5,
];

/** Which paths a mutation may target, given which paths the value requires. */
export interface Shape {
  /** Object keys whose removal must be refused (dotted paths, array indexes as `*`). */
  readonly required: ReadonlySet<string>;
  /** Paths whose value may be any JSON (no wrong type there). */
  readonly anyJson: ReadonlySet<string>;
  /** Paths under which any key is allowed (no extra key there). */
  readonly openObjects: ReadonlySet<string>;
}

const pattern = (path: Path): string =>
  path.map((k) => (typeof k === 'number' ? '*' : k)).join('.');

const pick = <A>(xs: readonly A[], n: number): A | undefined => xs[n % Math.max(xs.length, 1)];

/**
 * Applies a mutation to a deep copy of a valid value, so that the result must be refused: a value of
 * another JSON type, a required key removed, NaN or an infinity, an unknown key, a 10 MB string, a
 * 10,000-deep nesting, a `__proto__`/`constructor`/`prototype` own key, or a lone surrogate. Returns
 * the mutated copy and a description. Pure.
 */
export const mutate = (
  base: unknown,
  m: Mutation,
  shape: Shape,
): { value: unknown; what: string } => {
  const value: unknown = structuredClone(base);
  const all = pathsOf(value);
  const open = (path: Path): boolean =>
    [...shape.openObjects].some((o) => pattern(path) === o || pattern(path).startsWith(`${o}.`));
  const root: { path: Path; value: unknown } = { path: [], value };
  const objects = [root, ...all].filter((p) => isObject(p.value) && !open(p.path));
  const strings = all.filter((p) => typeof p.value === 'string');
  const typed = all.filter(
    (p) =>
      !shape.anyJson.has(pattern(p.path)) &&
      ![...shape.anyJson].some((a) => pattern(p.path).startsWith(`${a}.`)),
  );
  switch (m.kind) {
    case 'wrongType': {
      const t = pick(typed, m.where);
      if (t === undefined) break;
      const others = OTHER_TYPED.filter((o) => typeOf(o) !== typeOf(t.value));
      const replacement = pick(others, m.variant);
      setAt(value, t.path, replacement);
      return {
        value,
        what: `${pattern(t.path)}: ${typeOf(t.value)} -> ${JSON.stringify(replacement)}`,
      };
    }
    case 'missing': {
      const req = all.filter(
        (p) => typeof p.path[p.path.length - 1] === 'string' && shape.required.has(pattern(p.path)),
      );
      const t = pick(req, m.where);
      if (t === undefined) break;
      const parent = parentOf(value, t.path);
      const key = t.path[t.path.length - 1];
      if (isObject(parent) && typeof key === 'string') Reflect.deleteProperty(parent, key);
      return { value, what: `missing ${pattern(t.path)}` };
    }
    case 'nonFinite': {
      const t = pick(all, m.where);
      const bad = pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], m.variant);
      if (t === undefined) break;
      setAt(value, t.path, bad);
      return { value, what: `${pattern(t.path)} = ${String(bad)}` };
    }
    case 'extraKey': {
      const t = pick(objects, m.where);
      if (t === undefined) break;
      setAt(value, [...t.path, `zz_extra_${m.variant % 7}`], m.variant % 2 === 0 ? 'x' : 1);
      return { value, what: `extra key under ${pattern(t.path) || '(root)'}` };
    }
    case 'protoKey': {
      const targets = [root, ...all].filter((p) => isObject(p.value));
      const t = pick(targets, m.where);
      const key = pick(['__proto__', 'constructor', 'prototype'], m.variant) ?? '__proto__';
      if (t === undefined) break;
      setAt(value, [...t.path, key], m.variant % 2 === 0 ? { polluted: true } : 'x');
      return { value, what: `own key ${key} under ${pattern(t.path) || '(root)'}` };
    }
    case 'hugeString': {
      const t = pick(strings, m.where);
      if (t === undefined) break;
      setAt(value, t.path, HUGE);
      return { value, what: `${pattern(t.path)}: 10 MB string` };
    }
    case 'deepNesting': {
      const t = pick(all, m.where);
      if (t === undefined) break;
      setAt(value, t.path, m.variant % 2 === 0 ? DEEP_ARRAY : DEEP_OBJECT);
      return { value, what: `${pattern(t.path)}: 10,000-deep nesting` };
    }
    case 'loneSurrogate': {
      const t = pick(strings, m.where);
      if (t === undefined) break;
      const s = String(t.value);
      const lone = pick(['\uD800', '\uDC00', '\uDBFF'], m.variant) ?? '\uD800';
      setAt(value, t.path, m.variant % 2 === 0 ? `${s}${lone}` : `${lone}${s}`);
      return { value, what: `${pattern(t.path)}: lone surrogate` };
    }
  }
  return mutate(base, { kind: 'nonFinite', where: m.where, variant: m.variant }, shape);
};
