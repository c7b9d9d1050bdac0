import type { Suite, SuiteOutcome } from './Suite.js';

/** The budget line of one suite: planned and measured wall seconds, and how it ended. */
export interface BudgetEntry {
  readonly id: string;
  readonly title: string;
  readonly budgetSeconds: number;
  readonly seconds: number;
  /** CPU seconds of this process and its finished children while the suite ran, when known. */
  readonly cpuSeconds: number | null;
  readonly status: SuiteOutcome['_tag'];
}

/** What running the suites gave: each suite's outcome and its budget line, in order. */
export interface BenchRun {
  readonly outcomes: readonly { readonly suite: Suite; readonly outcome: SuiteOutcome }[];
  readonly budget: readonly BudgetEntry[];
}

/** How `runSuites` talks to the outside: a seconds clock, progress, and a hook after each suite. */
export interface RunHooks {
  /** Monotonic seconds (e.g. from `process.hrtime`); tests pass a fake. */
  readonly now: () => number;
  /** CPU seconds used so far (this process and its finished children), or null where unknown. */
  readonly cpu?: () => number | null;
  readonly log: (s: string) => void;
  /** Called after each suite (e.g. to write its doc section at once). */
  readonly done?: (suite: Suite, outcome: SuiteOutcome, entry: BudgetEntry) => Promise<void>;
}

/**
 * Starts every suite's background `prepare`, then runs the suites one after the other (never two
 * measuring at once: they would load each other's figures), times each, turns a thrown error into a `Failed` outcome so the others still run, and returns
 * every outcome with the budget table. Does whatever the suites and hooks do.
 */
export const runSuites = async (suites: readonly Suite[], hooks: RunHooks): Promise<BenchRun> => {
  const outcomes: { suite: Suite; outcome: SuiteOutcome }[] = [];
  const budget: BudgetEntry[] = [];
  for (const suite of suites) suite.prepare?.(hooks.log);
  for (const suite of suites) {
    hooks.log(`\n== ${suite.id}: ${suite.title} (budget ${suite.budgetSeconds} s)`);
    const start = hooks.now();
    const cpuStart = hooks.cpu?.() ?? null;
    let outcome: SuiteOutcome;
    try {
      outcome = await suite.run(hooks.log);
    } catch (e) {
      outcome = { _tag: 'Failed', error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      hooks.log(`${suite.id} FAILED: ${outcome.error}`);
    }
    const entry: BudgetEntry = {
      id: suite.id,
      title: suite.title,
      budgetSeconds: suite.budgetSeconds,
      seconds: hooks.now() - start,
      cpuSeconds: ((end) => (end === null || cpuStart === null ? null : end - cpuStart))(
        hooks.cpu?.() ?? null,
      ),
      status: outcome._tag,
    };
    hooks.log(`== ${suite.id}: ${outcome._tag.toLowerCase()} in ${entry.seconds.toFixed(0)} s`);
    outcomes.push({ suite, outcome });
    budget.push(entry);
    if (hooks.done !== undefined) await hooks.done(suite, outcome, entry);
  }
  return { outcomes, budget };
};
