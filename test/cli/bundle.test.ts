import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBundle } from '../../packages/cli/src/freshBundle.js';
import { EXAMPLE_COMMANDS, tempDir } from '../support/cliFixtures.js';
import { ROOT, runCli, type CliRun } from '../support/runCli.js';

// dist/bin.js runs the bundle that `pnpm build` writes (dist/bundle/strive.js) while it is fresh, and
// the compiled modules (dist/entry.js) otherwise: both must behave alike. `pnpm test` bundles before it
// runs vitest, so here the bundle must exist and be fresh: a missing or stale one fails, it is not
// quietly replaced by the modules.

const DIST = join(ROOT, 'packages', 'cli', 'dist');
const ENTRY = join(DIST, 'entry.js');
const BUNDLE = join(DIST, 'bundle', 'strive.js');
const tmp = tempDir('cli-bundle');
const db = tmp.path('example.db');

const runEntry = (args: readonly string[]): Promise<CliRun> => runCli(args, { script: ENTRY });
const runBundle = (args: readonly string[]): Promise<CliRun> => runCli(args, { script: BUNDLE });

beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', db]);
});
afterAll(() => tmp.remove());

describe('the strive bin and the compiled modules', () => {
  it('the bin finds a fresh bundle to run (`pnpm build`, or `pnpm test`, writes it)', () => {
    expect(
      freshBundle(pathToFileURL(join(DIST, 'bundle') + '/')),
      'dist/bundle/strive.js is missing or older than its inputs: run `pnpm build`',
    ).toBe(pathToFileURL(BUNDLE).href);
    // What it checks: the tsc build info of every package it bundles (a few stats at start).
    const inputs: unknown = JSON.parse(readFileSync(join(DIST, 'bundle', 'inputs.json'), 'utf8'));
    expect(inputs).toEqual(
      expect.arrayContaining(
        ['../.tsbuildinfo'].concat(
          ['campaign', 'engine', 'eventlog', 'store-sqlite'].map(
            (p) => `../../../${p}/dist/.tsbuildinfo`,
          ),
        ),
      ),
    );
  });

  it.each([
    [['--help']],
    [['diagram', 'subject']],
    [['report', '--db', db]],
    [['timeline', 'campaign-zz2010', '--db', db, '--json']],
    [['verify', '--db', db]],
    [['report', '--db', tmp.path('missing.db')]],
  ])('print the same for %j', async (args) => {
    const [bundle, entry] = [await runBundle(args), await runEntry(args)];
    expect(bundle).toEqual(entry);
    expect(bundle.stdout.length + bundle.stderr.length).toBeGreaterThan(0);
  });

  it('loads better-sqlite3 only for a command that opens an SQLite store', async () => {
    // Preloaded into the child: at exit, one stderr line saying whether it loaded better-sqlite3 (a
    // CommonJS package, so in require.cache).
    const hook = tmp.path('reportSqliteLoaded.cjs');
    writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write('better-sqlite3 loaded: ' + " +
        "Object.keys(require.cache).some((p) => p.includes('better-sqlite3')) + '\\n'));\n",
    );
    const sqliteLoaded = async (args: readonly string[]): Promise<string> => {
      const r = await runCli(args, { env: { NODE_OPTIONS: `--require ${hook}` } });
      return /better-sqlite3 loaded: (\w+)/.exec(r.stderr)?.[1] ?? r.stderr;
    };
    const log = tmp.path('lazy.log.jsonl');
    writeFileSync(log, (await runCli(['export', '--db', db])).stdout);
    expect(await sqliteLoaded(['replay', log, '--json'])).toBe('false');
    expect(await sqliteLoaded(['diagram', 'subject'])).toBe('false');
    expect(await sqliteLoaded(['report', '--db', db])).toBe('true');
  });

  it('the bin prints what the bundle prints', async () => {
    expect(await runCli(['--help'])).toEqual(await runBundle(['--help']));
  });
});
