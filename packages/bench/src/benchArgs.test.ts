import { describe, expect, it } from 'vitest';
import { DEFAULT_DOC, parseBenchArgs } from './benchArgs.js';

describe('parseBenchArgs', () => {
  it('writes docs/benchmarks.md by default and nothing with --no-md', () => {
    const a = parseBenchArgs([]);
    expect(a._tag === 'Args' && a.args.md).toBe(DEFAULT_DOC);
    expect(DEFAULT_DOC.endsWith('docs/benchmarks.md')).toBe(true);
    const b = parseBenchArgs(['--no-md']);
    expect(b._tag === 'Args' && b.args.md).toBeUndefined();
  });
  it('warms each side up once by default, as often as asked, or not at all', () => {
    const warmup = (argv: string[]): number | undefined => {
      const a = parseBenchArgs(argv);
      return a._tag === 'Args' ? a.args.warmup : undefined;
    };
    expect(warmup([])).toBe(1);
    expect(warmup(['--warmup', '2'])).toBe(2);
    expect(warmup(['--warmup', '0'])).toBe(0);
  });
  it('reads the suites, scales and writers', () => {
    const a = parseBenchArgs([
      '--only',
      'F,C',
      '--emmett-scale',
      '0.2,0.05',
      '--pg-writers',
      '1,16',
      '--runs',
      '5',
    ]);
    expect(a).toMatchObject({
      _tag: 'Args',
      args: {
        only: 'F,C',
        emmettSqliteScale: 0.2,
        emmettPostgresScale: 0.05,
        pgWriters: [1, 16],
        runs: 5,
      },
    });
  });
  it('refuses what cannot give a valid table', () => {
    for (const bad of [
      ['--runs', '0'],
      ['--warmup', '-1'],
      ['--warmup', '0.5'],
      ['--scale', '2'],
      ['--emmett-scale', '0.1'],
      ['--pg-writers', '0'],
      ['--bogus'],
    ])
      expect(parseBenchArgs(bad)._tag).toBe('Usage');
  });
});
