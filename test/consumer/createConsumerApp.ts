import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../support/runCli.js';
import type { Tarball } from './packTarballs.js';
import { runAsync } from './runAsync.js';

/** The TypeScript versions the app is compiled with: the repository's 5.9 and the native 7. */
const TYPESCRIPTS = { typescript: '~5.9.3', typescript7: 'npm:typescript@^7' } as const;

/** The consumer app's compiler options: `strict` + NodeNext, no `skipLibCheck`, no `exactOptionalPropertyTypes`. */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    types: ['node'],
    rootDir: '.',
    outDir: 'dist',
  },
  include: ['src', 'tutorial'],
};

/**
 * Writes a fresh npm app in `dir` (outside the workspace): the sources of `test/consumer/app`, the
 * tutorial's code copied as it is, and a manifest depending on the tarballs, xstate, io-ts and fp-ts,
 * with both TypeScripts, vitest and `@types/node` as dev dependencies; then `npm install`s it (npm's
 * cache makes reruns quick). better-sqlite3's native build is taken from the repository's own install
 * when it is the same version (so the same Node ABI: this very process loads it), and compiled by
 * `npm rebuild` otherwise. Returns how long `npm install` took. Does I/O.
 */
export const createConsumerApp = async (
  dir: string,
  tarballs: readonly Tarball[],
): Promise<{ readonly installMs: number; readonly nativeBuild: 'copied' | 'compiled' }> => {
  cpSync(join(ROOT, 'test', 'consumer', 'app', 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(ROOT, 'examples', 'tutorial', 'src'), join(dir, 'tutorial'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  const manifest = {
    name: 'strive-consumer',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.file}`])),
      'fp-ts': '^2.16.11',
      'io-ts': '^2.2.22',
      xstate: '^5.23.0',
    },
    devDependencies: {
      ...TYPESCRIPTS,
      '@types/node': `^${process.versions.node.split('.')[0]}`,
      vitest: '^4.0.0',
    },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const install = await runAsync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    { cwd: dir },
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  return { installMs: install.ms, nativeBuild: await nativeSqlite(dir) };
};

const versionOf = (packageJson: string): string => {
  const parsed: unknown = JSON.parse(readFileSync(packageJson, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed
    ? String(parsed.version)
    : '';
};

/** Puts a better-sqlite3 binary for this Node into the app. Does I/O. */
const nativeSqlite = async (dir: string): Promise<'copied' | 'compiled'> => {
  const fromRepo = createRequire(join(ROOT, 'packages', 'store-sqlite', 'package.json'));
  const repoPkg = fromRepo.resolve('better-sqlite3/package.json');
  const appPkg = join(dir, 'node_modules', 'better-sqlite3', 'package.json');
  const binary = join('build', 'Release', 'better_sqlite3.node');
  if (versionOf(repoPkg) === versionOf(appPkg)) {
    const into = join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release');
    mkdirSync(into, { recursive: true });
    copyFileSync(join(repoPkg, '..', binary), join(into, 'better_sqlite3.node'));
    return 'copied';
  }
  const rebuild = await runAsync('npm', ['rebuild', 'better-sqlite3'], { cwd: dir });
  if (rebuild.status !== 0)
    throw new Error(`npm rebuild better-sqlite3 failed:\n${rebuild.stderr}`);
  return 'compiled';
};
