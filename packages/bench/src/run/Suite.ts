/** A goal of one figure and whether this run met it. */
export interface Goal {
  /** The goal as written in the issue, e.g. `>= 0.80` or `< 1 s`. */
  readonly text: string;
  readonly met: boolean;
}

/** One figure of the run for the summary: a ratio (or an absolute figure) and its goal, if any. */
export interface Figure {
  readonly suite: string;
  /** What is compared, e.g. `W1: Strive SQLite / raw better-sqlite3`. */
  readonly what: string;
  /** The figure as printed, e.g. `0.64 [0.46-0.66]` or `1.52 s`. */
  readonly value: string;
  readonly goal: Goal | null;
}

/** What a suite that ran hands back: its tables, the figures for the summary, stated reductions. */
export interface SuiteReport {
  readonly _tag: 'Done';
  /** The table(s) for the terminal. */
  readonly text: string;
  /** Its section of docs/benchmarks.md (a `## ` heading, context, table), or null for none. */
  readonly markdown: string | null;
  readonly figures: readonly Figure[];
  /** Scale reductions, caps and anything else a reader must know, one sentence each. */
  readonly notes: readonly string[];
}

/** A suite that could not run here (no PostgreSQL server): said loudly, never silently dropped. */
interface SuiteSkipped {
  readonly _tag: 'Skipped';
  readonly reason: string;
}

/** A suite that threw: the others still run, the bench exits non-zero. */
interface SuiteFailed {
  readonly _tag: 'Failed';
  readonly error: string;
}

/** The outcome of one suite. */
export type SuiteOutcome = SuiteReport | SuiteSkipped | SuiteFailed;

/** What every suite is given: how many runs, the command line the bench was started with, the clock. */
export interface SuiteRun {
  readonly runs: number;
  readonly command: string;
  readonly date: () => Date;
}

/** One suite of `pnpm bench`: an id for `--only`, its planned wall time, and how to run it. */
export interface Suite {
  /** `sqlite`, `map`, `pg`, `emmett`, `campaign`, `F` or `C`. */
  readonly id: string;
  readonly title: string;
  /** Planned wall seconds on the 2-core reference machine (the budget table compares). */
  readonly budgetSeconds: number;
  /** Suites that must run first when this one is selected (e.g. F needs `campaign`). */
  readonly needs?: readonly string[];
  /** Runs only when `--only` names it (a long comparison, such as the telemetry cost). */
  readonly optIn?: boolean;
  /** Work started in the background before the first suite runs (e.g. building the campaign stores). */
  readonly prepare?: (log: (s: string) => void) => void;
  readonly run: (log: (s: string) => void) => Promise<SuiteReport | SuiteSkipped>;
}
