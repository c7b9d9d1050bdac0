import type { BudgetEntry } from './runSuites.js';
import { alignedText, markdownTable } from './tables.js';

/** The limit of the whole `pnpm bench` run (issue #7): 15 minutes. */
export const LIMIT_SECONDS = 15 * 60;

const HEADER = ['suite', 'status', 'budget s', 'wall s', 'CPU s', 'over budget'];
const mmss = (s: number): string =>
  `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;

const cells = (budget: readonly BudgetEntry[]): string[][] => {
  const rows = budget.map((b) => [
    `${b.id}: ${b.title}`,
    b.status.toLowerCase(),
    b.budgetSeconds.toFixed(0),
    b.seconds.toFixed(0),
    b.cpuSeconds === null ? '' : b.cpuSeconds.toFixed(0),
    b.seconds > b.budgetSeconds ? `+${(b.seconds - b.budgetSeconds).toFixed(0)} s` : '',
  ]);
  const planned = budget.reduce((a, b) => a + b.budgetSeconds, 0);
  const total = budget.reduce((a, b) => a + b.seconds, 0);
  const cpu = budget.every((b) => b.cpuSeconds !== null)
    ? budget.reduce((a, b) => a + (b.cpuSeconds ?? 0), 0)
    : null;
  rows.push([
    `total (limit ${mmss(LIMIT_SECONDS)})`,
    total <= LIMIT_SECONDS ? 'within limit' : 'OVER LIMIT',
    planned.toFixed(0),
    total.toFixed(0),
    cpu === null ? '' : cpu.toFixed(0),
    total > LIMIT_SECONDS ? `+${(total - LIMIT_SECONDS).toFixed(0)} s over the limit` : '',
  ]);
  return rows;
};

/** The budget table for the terminal: each suite's planned and measured wall seconds, and the total. Pure. */
export const budgetText = (budget: readonly BudgetEntry[]): string =>
  alignedText(HEADER, cells(budget), 2);

/** The same as a Markdown table. Pure. */
export const budgetMarkdown = (budget: readonly BudgetEntry[]): string =>
  markdownTable(HEADER, cells(budget), 2);

/** Total measured wall seconds. Pure. */
export const totalSeconds = (budget: readonly BudgetEntry[]): number =>
  budget.reduce((a, b) => a + b.seconds, 0);
