import { describe, expect, it } from 'vitest';
import { soloRow } from '../engine/BenchRow.js';
import { goalRowSuite } from './goalRowSuite.js';

const run = {
  runs: 2,
  command: 'pnpm bench --only X',
  date: () => new Date('2026-12-06T21:09:30Z'),
};

describe('goalRowSuite', () => {
  it('hands back the measured rows with their goals: terminal table, section, figures under its id, notes', async () => {
    const suite = goalRowSuite(run, {
      id: 'X',
      title: 'x suite',
      budgetSeconds: 5,
      needs: ['campaign'],
      heading: '## X: a suite',
      goal: (r) => ({ text: '< 10 s', met: r.median < 10 }),
      measure: () =>
        Promise.resolve({
          rows: [soloRow('X build time', 'the build', 's', [3, 4, 5])],
          context: ['(2 runs), on a store.', 'Medians [min-max].'],
          notes: (rows) => [`${rows.filter((r) => r.goal?.met === true).length} goal met`],
          textAfter: '\n\nafter',
        }),
    });
    expect(suite).toMatchObject({
      id: 'X',
      title: 'x suite',
      budgetSeconds: 5,
      needs: ['campaign'],
    });
    const out = await suite.run(() => undefined);
    if (out._tag !== 'Done') throw new Error('not done');
    expect(out.markdown?.split('\n').slice(0, 5)).toEqual([
      '## X: a suite',
      '',
      'Measured 2026-12-06 21:09 UTC with `pnpm bench --only X`',
      '(2 runs), on a store.',
      'Medians [min-max].',
    ]);
    expect(out.markdown).toMatch(/\| X build time +\| the build .*\| +< 10 s \| yes \|\n$/);
    expect(out.text).toMatch(/X build time[\s\S]*\n\nafter$/);
    expect(out.figures).toEqual([
      expect.objectContaining({ suite: 'X', goal: { text: '< 10 s', met: true } }),
    ]);
    expect(out.notes).toEqual(['1 goal met']);
  });
});
