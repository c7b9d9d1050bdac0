import { describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS } from '../support/cliFixtures.js';
import { runCli } from '../support/runCli.js';

// `strive` runs with V8's allocation-site pretenuring off (packages/cli/src/tuneHeap.ts): V8 then
// keeps no pretenuring statistics, so `--trace-pretenuring-statistics` prints none. A node command
// line that chooses pretenuring keeps it, and the same run prints them: the probe can see it on.

/** The "pretenuring:" lines V8 prints while `strive run` handles the example campaign in memory. */
const pretenuringLines = async (nodeFlags: readonly string[]): Promise<number> => {
  const r = await runCli(['run', EXAMPLE_COMMANDS, '--db', ':memory:'], {
    nodeFlags: ['--trace-pretenuring-statistics', ...nodeFlags],
  });
  expect(r.code, r.stderr).toBe(1); // the example refuses some lines on purpose
  expect(r.stdout).toMatch(/^accepted/m);
  return (r.stdout + r.stderr).split('\n').filter((l) => l.includes('pretenuring:')).length;
};

describe('the heap setting of the strive process', () => {
  it('runs with allocation-site pretenuring off', async () => {
    expect(await pretenuringLines([])).toBe(0);
  });

  it('keeps pretenuring when node is told to use it', async () => {
    expect(await pretenuringLines(['--allocation-site-pretenuring'])).toBeGreaterThan(0);
  });
});
