/** A table as aligned plain text: the first `left` columns left-aligned, the others right-aligned. Pure. */
export const alignedText = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  left = 1,
): string => {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r
        .map((c, i) => (i < left ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

const escape = (c: string): string => c.replaceAll('|', '\\|');

/** A Markdown table (the first `left` columns left-aligned, the others right-aligned). Pure. */
export const markdownTable = (
  header: readonly string[],
  rows: readonly (readonly string[])[],
  left = 1,
): string =>
  [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map((_, i) => (i < left ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${header.map((_, i) => escape(r[i] ?? '')).join(' | ')} |`),
  ].join('\n');

/** `yes`, `NO` or empty, for a goal column. Pure. */
export const metCell = (met: boolean | undefined): string =>
  met === undefined ? '' : met ? 'yes' : 'NO';
