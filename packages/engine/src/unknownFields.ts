import type * as t from 'io-ts';
import type { FieldError } from './CommandOutcome.js';

/** The parts of io-ts's runtime types this walk reads (every io-ts type has a `_tag`). */
interface Node {
  readonly _tag?: unknown;
  readonly props?: unknown;
  readonly type?: unknown;
  readonly types?: unknown;
}

const isNode = (u: unknown): u is Node & t.Decoder<unknown, unknown> =>
  typeof u === 'object' && u !== null && 'decode' in u;

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** The props a type declares (interface, partial, through exact/refinement/readonly/intersection). */
const propsOf = (type: Node): Map<string, unknown[]> => {
  const props = new Map<string, unknown[]>();
  const visit = (node: unknown): void => {
    if (!isNode(node)) return;
    if ((node._tag === 'InterfaceType' || node._tag === 'PartialType') && isRecord(node.props))
      for (const [k, v] of Object.entries(node.props)) props.set(k, [...(props.get(k) ?? []), v]);
    else if (node._tag === 'IntersectionType' && Array.isArray(node.types))
      for (const member of node.types) visit(member);
    else if (['ExactType', 'RefinementType', 'ReadonlyType'].includes(String(node._tag)))
      visit(node.type);
  };
  visit(type);
  return props;
};

/** Whether a type is exact (`t.exact`/`t.strict`), possibly under a refinement or readonly. */
const isExact = (node: unknown): boolean =>
  isNode(node) &&
  (node._tag === 'ExactType' ||
    (['RefinementType', 'ReadonlyType'].includes(String(node._tag)) && isExact(node.type)) ||
    (node._tag === 'IntersectionType' && Array.isArray(node.types) && node.types.some(isExact)));

/**
 * The keys of `value` that an exact io-ts codec does not declare, at every depth the codec's
 * structure can be followed (objects, intersections, arrays; not unions): what `t.exact` would strip,
 * found even when decoding failed, so a command's every problem is reported at once. Pure.
 */
export const unknownFields = (codec: unknown, value: unknown, path = ''): FieldError[] => {
  if (!isNode(codec)) return [];
  const at = (k: string | number): string => (path === '' ? String(k) : `${path}.${k}`);
  if (codec._tag === 'ArrayType' || codec._tag === 'ReadonlyArrayType')
    return Array.isArray(value)
      ? value.flatMap((item: unknown, i) => unknownFields(codec.type, item, at(i)))
      : [];
  if (!isRecord(value)) return [];
  const props = propsOf(codec);
  if (props.size === 0) return [];
  const exact = isExact(codec);
  return Object.keys(value).flatMap((k) => {
    const inner = props.get(k);
    if (inner === undefined) return exact ? [{ path: at(k), message: 'unknown field' }] : [];
    return inner.flatMap((type) => unknownFields(type, value[k], at(k)));
  });
};
