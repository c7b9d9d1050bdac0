import type { AnyStateMachine, AnyStateNode } from 'xstate';

/** A named guard of the machine, resolved to its implementation. */
interface CompiledGuard {
  readonly name: string;
  readonly params: unknown;
  readonly check: (args: { context: unknown; event: unknown }, params: unknown) => boolean;
}

/** One candidate transition: take it when `guard` is absent or holds; `target` null = stay. */
export interface Candidate {
  readonly guard: CompiledGuard | undefined;
  readonly target: string | null;
}

/** A machine flattened for replay: leaf state x event type -> ordered candidate transitions. */
export interface TransitionTable {
  /** The initial leaf state (dotted path). */
  readonly initial: string;
  /** Every leaf state (dotted path). */
  readonly leaves: readonly string[];
  /** Leaf -> event type -> candidates, leaf first then ancestors, as XState selects them. */
  readonly on: ReadonlyMap<string, ReadonlyMap<string, readonly Candidate[]>>;
  /** Leaf -> eventless (`always`) candidates, leaf first then ancestors. */
  readonly always: ReadonlyMap<string, readonly Candidate[]>;
  /** Whether the leaf is a top-level final state (the machine is done: no more transitions). */
  readonly done: ReadonlySet<string>;
}

const fail = (machine: AnyStateMachine, why: string): never => {
  throw new Error(`defineWorkflow(${machine.id}): ${why}`);
};

const pathOf = (node: AnyStateNode): string => node.path.join('.');

const leafOf = (machine: AnyStateMachine, node: AnyStateNode): AnyStateNode => {
  if (node.type === 'parallel' || node.type === 'history')
    return fail(
      machine,
      `${node.type} state "${pathOf(node)}" is not supported; use compound states`,
    );
  if (node.type !== 'compound') return node;
  const first = node.initial.target[0];
  return first === undefined
    ? fail(machine, `compound state "${pathOf(node)}" has no initial state`)
    : leafOf(machine, first);
};

type GuardImpl = (args: { context: unknown; event: unknown }, params: unknown) => boolean;

// XState calls guards with ({ context, event }, params); any function implementation has that shape.
const isGuardImpl = (u: unknown): u is GuardImpl => typeof u === 'function';

const compileGuard = (machine: AnyStateMachine, guard: unknown, where: string) => {
  if (guard === undefined) return undefined;
  const ref =
    typeof guard === 'string'
      ? { type: guard, params: undefined }
      : typeof guard === 'object' &&
          guard !== null &&
          'type' in guard &&
          typeof guard.type === 'string'
        ? { type: guard.type, params: 'params' in guard ? guard.params : undefined }
        : undefined;
  if (ref === undefined)
    return fail(
      machine,
      `${where} uses an inline or higher-order guard; use a named guard from setup({ guards })`,
    );
  const implementations: Record<string, unknown> = machine.implementations.guards;
  const impl = implementations[ref.type];
  if (!isGuardImpl(impl))
    return fail(
      machine,
      `${where} names guard "${ref.type}", which setup({ guards }) does not implement`,
    );
  return { name: ref.type, params: ref.params, check: impl };
};

interface RawTransition {
  readonly guard?: unknown;
  readonly target?: readonly AnyStateNode[] | undefined;
}

const compileCandidates = (
  machine: AnyStateMachine,
  transitions: readonly RawTransition[],
  where: string,
): Candidate[] =>
  transitions.map((tr) => {
    const targets = tr.target ?? [];
    if (targets.length > 1)
      fail(machine, `${where} has several targets (parallel regions are not supported)`);
    const first = targets[0];
    return {
      guard: compileGuard(machine, tr.guard, where),
      target: first === undefined ? null : pathOf(leafOf(machine, first)),
    };
  });

const matches = (eventType: string, descriptor: string): boolean =>
  descriptor === '*' ||
  (descriptor.endsWith('.*') && eventType.startsWith(descriptor.slice(0, -1)));

/** XState's candidate order at one node: exact match, then wildcards, longest descriptor first. */
const candidatesAt = (node: AnyStateNode, eventType: string): RawTransition[] => {
  const exact = node.transitions.get(eventType) ?? [];
  const wild = [...node.transitions.keys()]
    .filter((d) => d !== eventType && matches(eventType, d))
    .sort((a, b) => b.length - a.length)
    .flatMap((d) => node.transitions.get(d) ?? []);
  return [...exact, ...wild];
};

const checkSupported = (machine: AnyStateMachine, node: AnyStateNode): void => {
  const where = `state "${pathOf(node) || '(root)'}"`;
  if (node.invoke.length > 0)
    fail(machine, `${where} invokes actors; the engine folds events only`);
  if (node.after.length > 0)
    fail(machine, `${where} uses delayed transitions; use schedule() timers`);
  for (const key of node.transitions.keys())
    if (key.startsWith('xstate.'))
      fail(machine, `${where} reacts to "${key}", which is not supported`);
  for (const child of Object.values(node.states)) checkSupported(machine, child);
};

const leavesOf = (node: AnyStateNode): AnyStateNode[] =>
  node.type === 'atomic' || node.type === 'final'
    ? [node]
    : Object.values(node.states).flatMap((c) => leavesOf(c));

const ancestry = (leaf: AnyStateNode): AnyStateNode[] => {
  const out: AnyStateNode[] = [];
  for (let n: AnyStateNode | undefined = leaf; n !== undefined; n = n.parent) out.push(n);
  return out;
};

/**
 * Flattens an XState v5 machine into a transition table for the given event types (compound states,
 * guarded, targetless, wildcard and `always` transitions; refuses parallel, history, invoke, after). Pure.
 */
export const compileTransitionTable = (
  machine: AnyStateMachine,
  eventTypes: readonly string[],
): TransitionTable => {
  checkSupported(machine, machine.root);
  const initial = pathOf(leafOf(machine, machine.root));
  const leaves = leavesOf(machine.root);
  const on = new Map<string, Map<string, Candidate[]>>();
  const always = new Map<string, Candidate[]>();
  const done = new Set<string>();
  for (const leaf of leaves) {
    const name = pathOf(leaf);
    if (leaf.type === 'final' && leaf.parent === machine.root) done.add(name);
    const chain = ancestry(leaf);
    const byType = new Map<string, Candidate[]>();
    for (const type of eventTypes) {
      const list = chain.flatMap((n) =>
        compileCandidates(
          machine,
          candidatesAt(n, type),
          `"${type}" in "${pathOf(n) || '(root)'}"`,
        ),
      );
      if (list.length > 0) byType.set(type, list);
    }
    on.set(name, byType);
    const eventless = chain.flatMap((n) =>
      compileCandidates(machine, n.always ?? [], `always in "${pathOf(n) || '(root)'}"`),
    );
    if (eventless.length > 0) always.set(name, eventless);
  }
  return { initial, leaves: leaves.map(pathOf), on, always, done };
};
