import { statSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { PublicPackage } from './publicPackages.js';
import { runAsync } from './runAsync.js';

/** A packed package: its tarball and the paths inside it (relative to the package root). */
export interface Tarball {
  readonly name: string;
  readonly file: string;
  readonly files: readonly string[];
  readonly bytes: number;
}

const PackReport = t.type({
  name: t.string,
  filename: t.string,
  files: t.array(t.type({ path: t.string })),
});

/**
 * Packs each package with `pnpm pack` (which turns `workspace:*` into versions) into `into`, from the
 * `dist/` already built (`pnpm test` type-checks, which builds, first), so the suite's other tests never
 * see a `dist/` being rebuilt; `prepack` is skipped here and runs on a real publish. Does I/O.
 */
export const packTarballs = (
  packages: readonly PublicPackage[],
  into: string,
): Promise<Tarball[]> => Promise.all(packages.map((p) => packOne(p, into)));

const packOne = async ({ name, dir }: PublicPackage, into: string): Promise<Tarball> => {
  const run = await runAsync('pnpm', ['pack', '--json', '--pack-destination', into], {
    cwd: dir,
    env: { npm_config_ignore_scripts: 'true' },
  });
  if (run.status !== 0) throw new Error(`pnpm pack ${name} failed: ${run.stderr}`);
  const report = PackReport.decode(JSON.parse(run.stdout));
  if (E.isLeft(report)) throw new Error(`pnpm pack ${name} printed no report: ${run.stdout}`);
  const { filename, files } = report.right;
  if (!files.some((f) => f.path.startsWith('dist/')))
    throw new Error(`${name} has no dist/: run \`pnpm build\` before this test`);
  return {
    name,
    file: filename,
    files: files.map((f) => f.path),
    bytes: statSync(filename).size,
  };
};
