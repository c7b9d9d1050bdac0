import type { Suite, SuiteOutcome } from './Suite.js';

/**
 * What a suite's section of docs/benchmarks.md becomes after a run: its Markdown when it ran (null
 * when it has none), or a notice when it was skipped or failed, so old figures never pass for this
 * run's. Pure.
 */
export const sectionFor = (suite: Suite, outcome: SuiteOutcome, date: Date): string | null => {
  const when = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  switch (outcome._tag) {
    case 'Done':
      return outcome.markdown;
    case 'Skipped':
      return `## ${suite.title}\n\n**SKIPPED** in the run of ${when}: ${outcome.reason}.\n`;
    case 'Failed':
      return `## ${suite.title}\n\n**FAILED** in the run of ${when}: \`${outcome.error.split('\n')[0] ?? ''}\`\n`;
  }
};
