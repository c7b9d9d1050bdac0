import { describe, expect, it } from 'vitest';
import { compareRows, soloRow } from './BenchRow.js';

describe('compareRows', () => {
  it('gives the subject its median rate over the reference median, then the reference at 1', () => {
    const [s, r] = compareRows(
      'F',
      ['engine', [9, 10, 30]],
      ['switch', [20, 18, 40]],
      'events/s',
      'higher',
    );
    expect(s).toEqual({
      workload: 'F',
      subject: 'engine',
      reference: 'switch',
      unit: 'events/s',
      median: 10,
      min: 9,
      max: 30,
      ratio: 0.5,
    });
    expect(r).toMatchObject({ subject: 'switch', reference: null, median: 20, ratio: 1 });
  });

  it('orients lower-is-better units so that a higher ratio is still better', () => {
    const [s] = compareRows('RSS', ['1M', [200]], ['100k', [100]], 'MiB', 'lower');
    expect(s.ratio).toBe(0.5);
  });
});

describe('soloRow', () => {
  it('has no reference and no ratio', () => {
    expect(soloRow('C', 'report', 's', [2, 1, 3])).toMatchObject({
      median: 2,
      min: 1,
      max: 3,
      reference: null,
      ratio: null,
    });
  });
});
