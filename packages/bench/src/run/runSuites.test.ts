import { describe, expect, it } from 'vitest';
import { budgetText, LIMIT_SECONDS } from './budgetTable.js';
import { runSuites, type BenchRun } from './runSuites.js';
import { alarms, runFigures, runSection } from './runSection.js';
import { sectionFor } from './sectionFor.js';
import type { Suite, SuiteReport } from './Suite.js';

const report = (id: string): SuiteReport => ({
  _tag: 'Done',
  text: `${id} table`,
  markdown: `## ${id}\n`,
  figures: [
    { suite: id, what: `${id} ratio`, value: '0.70', goal: { text: '>= 0.80', met: false } },
  ],
  notes: [`${id} at scale 0.5`],
});
const suite = (id: string, seconds: number, run: Suite['run']): Suite & { seconds: number } => ({
  id,
  title: `suite ${id}`,
  budgetSeconds: 10,
  seconds,
  run,
});

/** Runs fake suites on a fake clock that each suite advances by its `seconds`. */
const fakeRun = async (suites: (Suite & { seconds: number })[]): Promise<[BenchRun, string[]]> => {
  let clock = 0;
  const done: string[] = [];
  const timed = suites.map((s) => ({
    ...s,
    run: (log: (x: string) => void) => {
      clock += s.seconds;
      return s.run(log);
    },
  }));
  const run = await runSuites(timed, {
    now: () => clock,
    cpu: () => clock / 2,
    log: () => undefined,
    done: (s, o, e) => {
      done.push(`${s.id}:${o._tag}:${e.seconds}`);
      return Promise.resolve();
    },
  });
  return [run, done];
};

describe('runSuites', () => {
  it('times each suite, keeps going after a failure and reports every outcome in order', async () => {
    const [run, done] = await fakeRun([
      suite('a', 5, () => Promise.resolve(report('a'))),
      suite('b', 3, () => Promise.reject(new Error('boom'))),
      suite('c', 7, () => Promise.resolve({ _tag: 'Skipped', reason: 'no server' })),
    ]);
    expect(done).toEqual(['a:Done:5', 'b:Failed:3', 'c:Skipped:7']);
    expect(run.budget.map((b) => [b.id, b.seconds, b.status])).toEqual([
      ['a', 5, 'Done'],
      ['b', 3, 'Failed'],
      ['c', 7, 'Skipped'],
    ]);
    expect(alarms(run)).toEqual([
      'FAILED b (suite b): Error: boom',
      'SKIPPED c (suite c): no server',
    ]);
    expect(runFigures(run).map((f) => f.what)).toEqual(['a ratio']);
  });

  it('says in the budget table when the run is over the 15-minute limit, and by how much', async () => {
    const [within] = await fakeRun([suite('a', 100, () => Promise.resolve(report('a')))]);
    expect(budgetText(within.budget)).toContain('within limit');
    const [over] = await fakeRun([
      suite('a', LIMIT_SECONDS, () => Promise.resolve(report('a'))),
      suite('b', 60, () => Promise.resolve(report('b'))),
    ]);
    const text = budgetText(over.budget);
    expect(text).toContain('OVER LIMIT');
    expect(text).toContain('+60 s over the limit');
    expect(text).toMatch(/a: suite a\s+done\s+10\s+900\s+450\s+\+890 s/);
  });

  it('writes the run section with the command, the alarms, every figure, its goal and the notes', async () => {
    const [run] = await fakeRun([
      suite('a', 5, () => Promise.resolve(report('a'))),
      suite('pg', 1, () => Promise.resolve({ _tag: 'Skipped', reason: 'no PostgreSQL server' })),
    ]);
    const md = runSection(
      {
        date: new Date('2026-11-28T17:00:00Z'),
        command: 'pnpm bench',
        machine: '2 cores',
        loadStart: 1,
        loadEnd: 2,
      },
      run,
    );
    expect(md).toContain('2026-11-28 17:00 UTC on 2 cores');
    expect(md).toContain('`pnpm bench`');
    expect(md).toContain('> **SKIPPED pg (suite pg): no PostgreSQL server**');
    expect(md).toContain('| a | a ratio | 0.70 | >= 0.80 | NO |');
    expect(md).toContain('- **a**: a at scale 0.5');
  });
});

describe('sectionFor', () => {
  const s = suite('pg', 0, () => Promise.resolve(report('pg')));
  const at = new Date('2026-11-28T17:00:00Z');
  it('replaces a skipped or failed suite section by a notice, so old figures do not pass for new', () => {
    expect(sectionFor(s, { _tag: 'Skipped', reason: 'no server' }, at)).toContain(
      '**SKIPPED** in the run of 2026-11-28 17:00 UTC: no server',
    );
    expect(sectionFor(s, { _tag: 'Failed', error: 'Error: x\n  at y' }, at)).toContain(
      '**FAILED** in the run of 2026-11-28 17:00 UTC: `Error: x`',
    );
    expect(sectionFor(s, report('pg'), at)).toBe('## pg\n');
    expect(sectionFor(s, { ...report('pg'), markdown: null }, at)).toBeNull();
  });
});
