/**
 * A Mermaid state diagram (as `machineToMermaid` writes it) with the given states highlighted: each
 * state named in `counts` gets a class `here` and a description line with its count and `unit`. States
 * are found by their `state "KEY" as ALIAS` lines, so the diagram text stays the single source. Pure.
 * @example highlightDiagram(text, { commended: 3 }, 'subject') // + 'subject_commended : 3 subjects'
 */
export const highlightDiagram = (
  diagram: string,
  counts: Readonly<Record<string, number>>,
  unit: string,
): string => {
  const aliases = new Map<string, string>();
  for (const m of diagram.matchAll(/^\s*state "([^"]+)" as ([A-Za-z0-9_]+)/gm))
    if (m[1] !== undefined && m[2] !== undefined) aliases.set(m[1], m[2]);
  const here = Object.entries(counts).flatMap(([state, n]) => {
    const alias = aliases.get(state);
    return alias === undefined || n <= 0 ? [] : [{ alias, n }];
  });
  if (here.length === 0) return diagram;
  const lines = [
    ...here.map(({ alias, n }) => `  ${alias} : ${n} ${n === 1 ? unit : `${unit}s`}`),
    '  classDef here fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#111827',
    `  class ${here.map((h) => h.alias).join(',')} here`,
  ];
  return `${diagram.trimEnd()}\n${lines.join('\n')}\n`;
};
