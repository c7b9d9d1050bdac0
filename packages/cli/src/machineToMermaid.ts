/** The part of an XState v5 state node that a diagram needs (structural, so the CLI needs no xstate import). */
export interface DiagramNode {
  readonly key: string;
  readonly id: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly states: Readonly<Record<string, DiagramNode>>;
  readonly initial: { readonly target: readonly DiagramNode[] };
  readonly transitions: ReadonlyMap<
    string,
    readonly { readonly target: readonly DiagramNode[] | undefined; readonly guard?: unknown }[]
  >;
}

const alias = (node: DiagramNode): string => node.id.replace(/[^A-Za-z0-9_]/g, '_');

const guardName = (g: unknown): string | undefined => {
  if (typeof g === 'string') return g;
  if (typeof g === 'object' && g !== null && 'type' in g && typeof g.type === 'string')
    return g.type;
  return undefined;
};

const walk = (node: DiagramNode, indent: string, lines: string[]): void => {
  const children = Object.values(node.states);
  if (children.length === 0) return;
  for (const child of children) {
    if (child.type === 'compound' || child.type === 'parallel') {
      lines.push(`${indent}state "${child.key}" as ${alias(child)} {`);
      walk(child, `${indent}  `, lines);
      lines.push(`${indent}}`);
    } else {
      lines.push(`${indent}state "${child.key}" as ${alias(child)}`);
    }
  }
  if (node.type === 'compound')
    for (const t of node.initial.target) lines.push(`${indent}[*] --> ${alias(t)}`);
  for (const child of children) {
    for (const [event, transitions] of child.transitions) {
      for (const t of transitions) {
        const guard = guardName(t.guard);
        const label = guard === undefined ? event : `${event} [${guard}]`;
        for (const target of t.target ?? [child])
          lines.push(`${indent}${alias(child)} --> ${alias(target)}: ${label}`);
      }
    }
    if (child.type === 'final') lines.push(`${indent}${alias(child)} --> [*]`);
  }
};

/**
 * A Mermaid `stateDiagram-v2` of a machine, derived from its state nodes (states, initial state, every
 * transition with its event and named guard, final states), never hand-written. Pure.
 * @example machineToMermaid(campaignMachine.root) // 'stateDiagram-v2\n  state "mobilizing" as ...'
 */
export const machineToMermaid = (root: DiagramNode): string => {
  const lines = ['stateDiagram-v2'];
  walk(root, '  ', lines);
  return `${lines.join('\n')}\n`;
};
