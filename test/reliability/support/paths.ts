import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/runCli.js';

export { CLI, runCli } from '../../support/runCli.js';

/** The child-process scripts of this suite (plain ESM importing the built packages). */
export const child = (name: string): string => join(ROOT, 'test', 'reliability', 'children', name);

/** A golden file under test/fixtures. */
export const fixture = (name: string): string => join(ROOT, 'test', 'fixtures', name);

/** Fails fast, saying what to run, when the built packages that child processes import are missing. */
export const assertBuilt = (): void => {
  for (const p of ['eventlog', 'store-sqlite', 'store-postgres', 'engine', 'campaign'])
    if (!existsSync(join(ROOT, 'packages', p, 'dist', 'index.js')))
      throw new Error(`packages/${p}/dist is missing: run \`npx tsc -b\` at the root first`);
  if (!existsSync(join(ROOT, 'packages', 'cli', 'dist', 'bin.js')))
    throw new Error('packages/cli/dist is missing: run `npx tsc -b` at the root first');
};

/** A private temporary directory and a way to remove it. Does I/O. */
export const tempDir = (): {
  readonly path: string;
  readonly file: (n: string) => string;
  readonly remove: () => void;
} => {
  const path = mkdtempSync(join(tmpdir(), 'strive-rel-'));
  return {
    path,
    file: (n) => join(path, n),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
};
