import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as prettier from 'prettier';
import type { Spread } from './stats.js';

/** One measured workload: Strive and its reference, over the same runs. */
export interface Row {
  readonly id: string;
  readonly workload: string;
  /** Events (or commands) one run handles, for the rate columns. */
  readonly items: number;
  readonly unit: string;
  /** Wall-clock milliseconds. */
  readonly strive: Spread;
  readonly reference: Spread;
  /** `reference / Strive` wall time of each run (the two sides ran back to back). */
  readonly ratio: Spread;
  /** `reference / Strive` CPU time of each run. */
  readonly cpuRatio: Spread;
  /** What the ratio must reach, e.g. 0.8. */
  readonly goal: number;
}

/** Where and how the figures were measured. */
export interface Context {
  readonly title: string;
  readonly reference: string;
  readonly command: string;
  readonly runs: number;
  /** Unmeasured runs of each side before the measured ones (not said when 0 or absent). */
  readonly warmup?: number;
  readonly scale: number;
  readonly date: Date;
}

/** How many unmeasured warm-up runs came first, in words (`2 unmeasured warm-up runs`). Pure. */
export const warmUpText = (n: number): string =>
  n === 0 ? 'no warm-up run' : `${n} unmeasured warm-up run${n === 1 ? '' : 's'}`;

const runsText = (c: Context): string =>
  c.warmup === undefined || c.warmup === 0
    ? `${c.runs} runs`
    : `${c.runs} runs after ${warmUpText(c.warmup)} of each workload`;

const rate = (items: number, millis: number): string =>
  Math.round((items / millis) * 1000).toLocaleString('en-US');
const spreadOf = (s: Spread, digits: number): string =>
  `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}-${s.max.toFixed(digits)}]`;

const cells = (r: Row): string[] => [
  `${r.id} ${r.workload}`,
  r.items.toLocaleString('en-US'),
  spreadOf(r.strive, 0),
  spreadOf(r.reference, 0),
  `${rate(r.items, r.strive.median)} ${r.unit}/s`,
  `${rate(r.items, r.reference.median)} ${r.unit}/s`,
  spreadOf(r.ratio, 2),
  spreadOf(r.cpuRatio, 2),
  `>= ${r.goal.toFixed(2)}`,
  r.ratio.median >= r.goal ? 'yes' : 'NO',
];
const HEADER = [
  'workload',
  'items',
  'Strive ms',
  'raw ms',
  'Strive rate',
  'raw rate',
  'ratio',
  'CPU ratio',
  'goal',
  'met',
];

/** The table as aligned plain text, for the terminal. Pure. */
export const textTable = (rows: readonly Row[]): string => {
  const all = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '),
    )
    .join('\n');
};

/** The machine line: cores, memory, Node, load (other work on the machine shows in min-max). Reads the OS. */
const machine = (): string =>
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
  `${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}, ` +
  `load average ${loadavg()[0]?.toFixed(1) ?? '?'} when the table was written`;

/** The Markdown section of one suite: context, table, how to read it. Reads the OS. */
export const markdownSection = (c: Context, rows: readonly Row[]): string =>
  [
    `## ${c.title}`,
    '',
    `Measured ${c.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, with`,
    `\`${c.command}\` (${runsText(c)}, scale ${c.scale}). Times are wall-clock medians [min-max] in ms.`,
    `ratio = ${c.reference} time / Strive time of each run (the two sides run back to back, each`,
    'going first in every other run), median',
    `[min-max] over the runs; CPU ratio is the same with the process's CPU time (user + system), which`,
    'other load on the machine barely moves. 1.00 = as fast as the reference.',
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
    '',
  ].join('\n');

/** Where a missing section goes: at the end of the file, or before the first other section. */
export type Placement = 'end' | 'first';

/**
 * The Markdown `old` with the section `id` (between `<!-- bench:id:start -->` and `<!-- bench:id:end -->`)
 * replaced by `section`, every other byte kept; a missing section is added at `placement`. Throws
 * when the markers of `id` are broken (one without the other, or in the wrong order). Pure.
 */
export const replaceSection = (
  old: string,
  id: string,
  section: string,
  placement: Placement = 'end',
): string => {
  const start = `<!-- bench:${id}:start -->`;
  const end = `<!-- bench:${id}:end -->`;
  const block = `${start}\n${section.trimEnd()}\n\n${end}`;
  const i = old.indexOf(start);
  const j = old.indexOf(end);
  if (i >= 0 && j > i) return `${old.slice(0, i)}${block}${old.slice(j + end.length)}`;
  if (i >= 0 || j >= 0)
    throw new Error(`broken markers of section ${id}: fix ${start} ... ${end} by hand`);
  const first = old.search(/<!-- bench:[\w-]+:start -->/);
  if (placement === 'first' && first >= 0)
    return `${old.slice(0, first)}${block}\n\n${old.slice(first)}`;
  return `${old.trimEnd()}\n\n${block}\n`;
};

/**
 * Writes (or replaces) the section `id` of a Markdown file between `<!-- bench:id -->` markers,
 * keeping every other section and all text outside markers, so each suite owns its part; the file is
 * then formatted with the repository's Prettier settings, so `prettier --check` stays green. The file
 * is read just before writing (other people edit the prose around the sections). Does I/O.
 */
export const writeSection = async (
  file: string,
  id: string,
  section: string,
  preface: string,
  placement: Placement = 'end',
): Promise<void> => {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : preface;
  const options = (await prettier.resolveConfig(file)) ?? {};
  const next = await prettier.format(replaceSection(old, id, section, placement), {
    ...options,
    filepath: file,
  });
  writeFileSync(file, next);
};
