import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS, tempDir } from '../support/cliFixtures.js';
import { ROOT, runCli, type CliRun } from '../support/runCli.js';

// dist/bin.js runs the bundle that `pnpm build` writes (dist/bundle/strive.js) while it is fresh, and
// the compiled modules (dist/entry.js) otherwise: both must behave alike.

const ENTRY = join(ROOT, 'packages', 'cli', 'dist', 'entry.js');
const tmp = tempDir('cli-bundle');
const db = tmp.path('example.db');

const runEntry = (args: readonly string[]): Promise<CliRun> => runCli(args, { script: ENTRY });

beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', db]);
});
afterAll(() => tmp.remove());

describe('the strive bin and the compiled modules', () => {
  it.each([
    [['--help']],
    [['diagram', 'subject']],
    [['report', '--db', db]],
    [['timeline', 'campaign-zz2010', '--db', db, '--json']],
    [['verify', '--db', db]],
    [['report', '--db', tmp.path('missing.db')]],
  ])('print the same for %j', async (args) => {
    const [bin, entry] = [await runCli(args), await runEntry(args)];
    expect(bin).toEqual(entry);
    expect(bin.stdout.length + bin.stderr.length).toBeGreaterThan(0);
  });
});
