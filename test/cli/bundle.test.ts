import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS, tempDir } from '../support/cliFixtures.js';
import { ROOT, runCli, type CliRun } from '../support/runCli.js';

// dist/bin.js runs the bundle that `pnpm build` writes (dist/bundle/strive.js) while it is fresh, and
// the compiled modules (dist/entry.js) otherwise: both must behave alike.

const ENTRY = join(ROOT, 'packages', 'cli', 'dist', 'entry.js');
const tmp = tempDir('cli-bundle');
const db = tmp.path('example.db');

const runEntry = (args: readonly string[]): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

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
