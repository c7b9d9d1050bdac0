import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/runCli.js';
import { packTarballs } from './packTarballs.js';
import { publicPackages } from './publicPackages.js';
import { runAsync } from './runAsync.js';
import { tarballProblems } from './tarballProblems.js';

// Every public package as npm would publish it, checked by publint and by "Are the types wrong?" (attw,
// profile esm-only: the packages are ESM only, so attw's node10 and node16-from-CJS resolutions, which
// cannot load them by design, are not judged), and for what it must not ship. The checks of all the
// packages run at once, started before the tests that read them.

const work = mkdtempSync(join(tmpdir(), 'strive-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tarballs = await packTarballs(publicPackages(), work);
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
const checks = new Map(
  tarballs.map((t) => [
    t.name,
    {
      publint: runAsync(bin('publint'), ['run', t.file, '--strict']),
      attw: runAsync(bin('attw'), [t.file, '--profile', 'esm-only', '--no-definitely-typed']),
    },
  ]),
);
const checksOf = (name: string) => {
  const c = checks.get(name);
  if (c === undefined) throw new Error(`${name} was not checked`);
  return c;
};

describe('public packages', () => {
  it('are every non-private package under packages/, each packed', () => {
    expect(tarballs.map((t) => t.name)).toEqual(expect.arrayContaining(['@strive/engine']));
    console.log(
      tarballs
        .map((t) => `${t.name}: ${t.files.length} files, ${(t.bytes / 1024).toFixed(1)} KiB packed`)
        .join('\n'),
    );
  });

  describe.each(tarballs)('$name', (tarball) => {
    it('passes publint with no error or warning', { timeout: 300_000 }, async () => {
      const r = await checksOf(tarball.name).publint;
      expect(r.status, r.stdout + r.stderr).toBe(0);
    });

    it('passes attw (profile esm-only)', { timeout: 300_000 }, async () => {
      const r = await checksOf(tarball.name).attw;
      expect(r.status, r.stdout + r.stderr).toBe(0);
    });

    it('ships no test, build info or test helper, and no vitest import from its main entry', async () => {
      const root = join(work, tarball.name.replace('/', '+'));
      mkdirSync(root);
      const untar = await runAsync('tar', [
        'xzf',
        tarball.file,
        '-C',
        root,
        '--strip-components=1',
      ]);
      expect(untar.status, untar.stderr).toBe(0);
      expect(tarballProblems(root, tarball.files)).toEqual([]);
    });
  });
});
