/** What every section of docs/benchmarks.md a suite writes is made of. */
export interface MeasuredSection {
  /** The `## ` heading. */
  readonly heading: string;
  /** When the suite started measuring. */
  readonly started: Date;
  /** The command line the bench was started with. */
  readonly command: string;
  /** The lines after "Measured <when> UTC with `<command>`" (the first usually continues it). */
  readonly context: readonly string[];
  /** The table (markdown). */
  readonly table: string;
}

/**
 * A suite's section of docs/benchmarks.md: heading, when and with what command it was measured, its
 * context, then its table. Pure.
 * @example measuredSection({ heading: '## X', started, command: 'pnpm bench', context: ['(3 runs).'], table })
 */
export const measuredSection = (s: MeasuredSection): string =>
  [
    s.heading,
    '',
    `Measured ${s.started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`${s.command}\``,
    ...s.context,
    '',
    s.table,
    '',
  ].join('\n');
