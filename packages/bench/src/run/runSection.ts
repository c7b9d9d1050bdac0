import { budgetMarkdown, LIMIT_SECONDS, totalSeconds } from './budgetTable.js';
import type { BenchRun } from './runSuites.js';
import type { Figure } from './Suite.js';
import { alignedText, markdownTable, metCell } from './tables.js';

/** Where and how the run was made (read from the OS by the caller). */
export interface RunContext {
  readonly date: Date;
  readonly command: string;
  /** Cores, CPU model, memory, Node version. */
  readonly machine: string;
  readonly loadStart: number;
  readonly loadEnd: number;
}

/** Every figure of the run's suites, in order. Pure. */
export const runFigures = (run: BenchRun): Figure[] =>
  run.outcomes.flatMap(({ outcome }) => (outcome._tag === 'Done' ? outcome.figures : []));

/** Lines that must not be missed: suites skipped or failed. Pure. */
export const alarms = (run: BenchRun): string[] =>
  run.outcomes.flatMap(({ suite, outcome }) =>
    outcome._tag === 'Skipped'
      ? [`SKIPPED ${suite.id} (${suite.title}): ${outcome.reason}`]
      : outcome._tag === 'Failed'
        ? [`FAILED ${suite.id} (${suite.title}): ${outcome.error.split('\n')[0] ?? ''}`]
        : [],
  );

/** The figures as a Markdown table: suite, what, value, goal, met. Pure. */
const figuresMarkdown = (figures: readonly Figure[]): string =>
  markdownTable(
    ['suite', 'figure', 'value', 'goal', 'met'],
    figures.map((f) => [f.suite, f.what, f.value, f.goal?.text ?? '', metCell(f.goal?.met)]),
    2,
  );

/**
 * The run's own section of docs/benchmarks.md: machine, Node, date, exact command, load, the
 * budget table, skipped or failed suites (loudly), every figure with its goal, and the stated scale
 * reductions of each suite. Pure.
 */
export const runSection = (c: RunContext, run: BenchRun): string => {
  const total = totalSeconds(run.budget);
  const notes = run.outcomes.flatMap(({ suite, outcome }) =>
    outcome._tag === 'Done' ? outcome.notes.map((n) => `- **${suite.id}**: ${n}`) : [],
  );
  const warn = alarms(run).map((a) => `> **${a}**`);
  return [
    '## The last `pnpm bench` run',
    '',
    `Measured ${c.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${c.machine}, with`,
    `\`${c.command}\`; load average ${c.loadStart.toFixed(1)} at the start and`,
    `${c.loadEnd.toFixed(1)} at the end (other engineers' work shared the machine). Suites run one`,
    `after the other in one process tree; the whole run took ${(total / 60).toFixed(1)} min`,
    `(limit ${LIMIT_SECONDS / 60} min: ${total <= LIMIT_SECONDS ? 'within' : 'OVER'}).`,
    '',
    ...(warn.length > 0 ? [...warn, ''] : []),
    '### Time budget',
    '',
    budgetMarkdown(run.budget),
    '',
    '### Every ratio of the run',
    '',
    'Each suite section below gives medians and min-max over the runs; here, each figure once.',
    '',
    figuresMarkdown(runFigures(run)),
    '',
    ...(notes.length > 0 ? ['### Scales and reductions', '', ...notes, ''] : []),
  ].join('\n');
};

/** The figures as aligned text for the terminal. Pure. */
export const figuresText = (figures: readonly Figure[]): string =>
  alignedText(
    ['figure', 'value', 'goal', 'met'],
    figures.map((f) => [
      `${f.suite}: ${f.what}`,
      f.value,
      f.goal?.text ?? '',
      metCell(f.goal?.met),
    ]),
  );
