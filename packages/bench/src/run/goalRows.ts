import type { BenchRow } from '../engine/BenchRow.js';
import type { Figure, Goal } from './Suite.js';
import { alignedText, markdownTable, metCell } from './tables.js';

/** A row of a suite's table with the goal the issue sets for it, if any. */
export interface GoalRow {
  readonly row: BenchRow;
  readonly goal: Goal | null;
}

/** The goal a suite sets for one of its rows, or null. */
export type GoalRule = (row: BenchRow) => Goal | null;

/** `ratio >= min`, as a goal. Pure. */
export const atLeast = (ratio: number, min: number): Goal => ({
  text: `>= ${min.toFixed(2)}`,
  met: ratio >= min,
});

/** Each row with the goal `rule` gives it. Pure. */
export const withGoals = (rows: readonly BenchRow[], rule: GoalRule): GoalRow[] =>
  rows.map((row) => ({ row, goal: rule(row) }));

const fmt = (x: number): string =>
  x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3);
/** Two decimals, or two significant digits below 0.1 (a ratio of 0.004 is not 0.00). Pure. */
/** A ratio as the tables print it: two decimals, or two significant digits below 0.1. Pure. */
export const ratioText = (r: number): string => (r >= 0.1 ? r.toFixed(2) : r.toPrecision(2));

const HEADER = ['workload', 'subject', 'vs', 'median [min-max]', 'unit', 'ratio', 'goal', 'met'];
const cells = ({ row: r, goal }: GoalRow): string[] => [
  r.workload,
  r.subject,
  r.reference ?? '',
  `${fmt(r.median)} [${fmt(r.min)}-${fmt(r.max)}]`,
  r.unit,
  r.ratio === null ? '' : ratioText(r.ratio),
  goal?.text ?? '',
  metCell(goal?.met),
];

/** The rows as aligned text, goal and whether met included. Pure. */
export const goalRowsText = (rows: readonly GoalRow[]): string =>
  alignedText(HEADER, rows.map(cells), 3);

/** The rows as a Markdown table, goal and whether met included. Pure. */
export const goalRowsMarkdown = (rows: readonly GoalRow[]): string =>
  markdownTable(HEADER, rows.map(cells), 3);

/**
 * The figures of the summary: every row compared with a reference (its ratio) and every row with a
 * goal (its value when it has no ratio, e.g. seconds). Pure.
 */
export const goalRowFigures = (suite: string, rows: readonly GoalRow[]): Figure[] =>
  rows
    .filter(({ row, goal }) => (row.reference !== null && row.ratio !== null) || goal !== null)
    .map(({ row, goal }) => ({
      suite,
      what:
        row.reference === null
          ? `${row.workload}: ${row.subject}`
          : `${row.workload}: ${row.subject} / ${row.reference}`,
      value:
        row.reference !== null && row.ratio !== null
          ? ratioText(row.ratio)
          : `${fmt(row.median)} ${row.unit}`,
      goal,
    }));
