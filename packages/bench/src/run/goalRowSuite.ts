import type { BenchRow } from '../engine/BenchRow.js';
import {
  goalRowFigures,
  goalRowsMarkdown,
  goalRowsText,
  withGoals,
  type GoalRow,
  type GoalRule,
} from './goalRows.js';
import { measuredSection } from './measuredSection.js';
import type { Suite, SuiteRun } from './Suite.js';

/** What a goal-row suite measured: its rows, the context of its section and its notes. */
interface GoalRowsMeasured {
  readonly rows: readonly BenchRow[];
  /** The lines after "Measured <when> UTC with `<command>`" (see `measuredSection`). */
  readonly context: readonly string[];
  /** Notes for the summary, given the rows with their goals. */
  readonly notes: (rows: readonly GoalRow[]) => readonly string[];
  /** Printed after the table on the terminal only. */
  readonly textAfter?: string;
}

/** A suite whose result is one table of `BenchRow`s with goals (`goalRows`). */
export interface GoalRowSuiteSpec {
  readonly id: string;
  readonly title: string;
  readonly budgetSeconds: number;
  readonly needs?: readonly string[];
  /** The `## ` heading of its section. */
  readonly heading: string;
  readonly goal: GoalRule;
  readonly measure: (log: (s: string) => void) => Promise<GoalRowsMeasured>;
}

/**
 * A suite of goal rows: notes the start time, measures, gives each row its goal, and hands back the
 * table for the terminal, the section of docs/benchmarks.md (`measuredSection`) and the figures under
 * the suite's id. Does what `measure` does.
 */
export const goalRowSuite = (run: SuiteRun, spec: GoalRowSuiteSpec): Suite => ({
  id: spec.id,
  title: spec.title,
  budgetSeconds: spec.budgetSeconds,
  ...(spec.needs === undefined ? {} : { needs: spec.needs }),
  run: async (log) => {
    const started = run.date();
    const measured = await spec.measure(log);
    const rows = withGoals(measured.rows, spec.goal);
    const table = goalRowsMarkdown(rows);
    return {
      _tag: 'Done',
      text: `${goalRowsText(rows)}${measured.textAfter ?? ''}`,
      markdown: measuredSection({
        heading: spec.heading,
        started,
        command: run.command,
        context: measured.context,
        table,
      }),
      figures: goalRowFigures(spec.id, rows),
      notes: measured.notes(rows),
    };
  },
});
