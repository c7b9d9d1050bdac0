import { describe, expect, it } from 'vitest';
import { markdownSection, replaceSection, warmUpText, type Context } from './report.js';

const DOC = [
  '# Benchmarks',
  '',
  'Each suite writes between `<!-- bench:NAME -->` markers.',
  '',
  '<!-- bench:sqlite:start -->',
  'old sqlite table',
  '<!-- bench:sqlite:end -->',
  '',
  '### What bounds the SQLite ratios',
  '',
  'prose of another engineer',
  '',
  '<!-- bench:F:start -->',
  'old F table',
  '<!-- bench:F:end -->',
  '',
  'F analysis',
  '',
].join('\n');

describe('replaceSection', () => {
  it('replaces only the text between the markers of its id, keeping the prose around', () => {
    const next = replaceSection(DOC, 'sqlite', '## SQLite\n\nnew table\n');
    expect(next).toContain(
      '<!-- bench:sqlite:start -->\n## SQLite\n\nnew table\n\n<!-- bench:sqlite:end -->',
    );
    expect(next).not.toContain('old sqlite table');
    expect(next).toContain('prose of another engineer');
    expect(next).toContain('old F table');
    expect(next).toContain('F analysis');
  });
  it('is idempotent: writing the same section twice gives the same file', () => {
    const once = replaceSection(DOC, 'F', 'F table\n');
    expect(replaceSection(once, 'F', 'F table\n')).toBe(once);
  });
  it('adds a missing section at the end, or before the first section when asked', () => {
    expect(
      replaceSection(DOC, 'C', 'C table').endsWith(
        '<!-- bench:C:start -->\nC table\n\n<!-- bench:C:end -->\n',
      ),
    ).toBe(true);
    const first = replaceSection(DOC, 'run', 'run summary', 'first');
    expect(first.indexOf('<!-- bench:run:start -->')).toBeLessThan(
      first.indexOf('<!-- bench:sqlite:start -->'),
    );
    expect(first.indexOf('<!-- bench:run:start -->')).toBeGreaterThan(first.indexOf('NAME'));
  });
  it('refuses broken markers instead of duplicating a section', () => {
    const broken = DOC.replace('<!-- bench:F:end -->', '');
    expect(() => replaceSection(broken, 'F', 'x')).toThrow(/broken markers of section F/);
  });
});

describe('markdownSection', () => {
  const context: Context = {
    title: 'SQLite store vs raw better-sqlite3',
    reference: 'raw',
    command: 'pnpm bench',
    runs: 3,
    scale: 1,
    date: new Date('2026-11-28T23:00:00Z'),
  };
  it('says how many unmeasured warm-up runs came before the measured ones', () => {
    expect(markdownSection({ ...context, warmup: 1 }, [])).toContain(
      '(3 runs after 1 unmeasured warm-up run of each workload, scale 1)',
    );
    expect(markdownSection({ ...context, warmup: 2 }, [])).toContain(
      'after 2 unmeasured warm-up runs',
    );
    expect(markdownSection({ ...context, warmup: 0 }, [])).toContain('(3 runs, scale 1)');
    expect(markdownSection(context, [])).toContain('(3 runs, scale 1)');
  });
});

describe('warmUpText', () => {
  it('counts the warm-up runs in words, none included', () => {
    expect(warmUpText(0)).toBe('no warm-up run');
    expect(warmUpText(1)).toBe('1 unmeasured warm-up run');
    expect(warmUpText(3)).toBe('3 unmeasured warm-up runs');
  });
});
