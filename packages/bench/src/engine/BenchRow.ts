import { spread } from '../stats.js';

/**
 * One line of a benchmark table: a subject measured in `unit` (median and min-max over the runs) and
 * its ratio to the reference measured in the same runs. A reference appears as its own row with
 * `reference: null` and ratio 1. Higher is better for every unit used here except `MiB` and `s`,
 * where `ratio` is still oriented so that higher is better (reference / subject).
 */
export interface BenchRow {
  readonly workload: string;
  readonly subject: string;
  /** The subject this row is compared with, or `null` for a reference (or a row without one). */
  readonly reference: string | null;
  readonly unit: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Better-is-higher ratio of medians to the reference in the same runs; `null` without a reference. */
  readonly ratio: number | null;
}

/** Which way a unit is better. */
export type Better = 'higher' | 'lower';

/**
 * The two rows of a comparison: the subject (ratio to the reference's median, oriented so that
 * higher is better) then the reference (ratio 1). Pure.
 * @example compareRows('F', ['engine', [9, 10]], ['switch', [18, 20]], 'events/s', 'higher')[0].ratio // 0.5
 */
export const compareRows = (
  workload: string,
  [subject, subjectSamples]: readonly [string, readonly number[]],
  [reference, referenceSamples]: readonly [string, readonly number[]],
  unit: string,
  better: Better,
): readonly [BenchRow, BenchRow] => {
  const s = spread(subjectSamples);
  const r = spread(referenceSamples);
  const ratio = better === 'higher' ? s.median / r.median : r.median / s.median;
  return [
    { workload, subject, reference, unit, ...s, ratio },
    { workload, subject: reference, reference: null, unit, ...r, ratio: 1 },
  ];
};

/** A row with no reference (an absolute figure such as seconds against a goal). Pure. */
export const soloRow = (
  workload: string,
  subject: string,
  unit: string,
  samples: readonly number[],
): BenchRow => ({ workload, subject, reference: null, unit, ...spread(samples), ratio: null });

const fmt = (x: number): string =>
  x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3);

/** The rows as an aligned plain-text table (median [min-max], ratio). Pure. */
export const rowsTable = (rows: readonly BenchRow[]): string => {
  const header = ['workload', 'subject', 'vs', 'median [min-max]', 'unit', 'ratio'];
  const cells = rows.map((r) => [
    r.workload,
    r.subject,
    r.reference ?? '',
    `${fmt(r.median)} [${fmt(r.min)}-${fmt(r.max)}]`,
    r.unit,
    r.ratio === null ? '' : r.ratio.toFixed(2),
  ]);
  const all = [header, ...cells];
  const widths = header.map((_, i) => Math.max(...all.map((c) => (c[i] ?? '').length)));
  return all.map((c) => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
};
