import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Files no tarball may hold: tests (source or compiled), build info, test-only helpers. */
const FORBIDDEN = [
  /\.test\.(ts|js|d\.ts)(\.map)?$/,
  /\.tsbuildinfo$/,
  /(^|\/)(testSupport|fixtures)\//,
  /(^|\/)(pgSuite|pgTestEnv|cutAfterCommitProxy)\./,
];

const IMPORT =
  /(?:^|[\s;])(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative modules a compiled file imports (`./x.js`), as package paths. Pure. */
const relativeImports = (path: string, source: string): string[] =>
  [...source.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((s) => s.startsWith('.'))
    .map((s) => normalize(join(dirname(path), s)));

/** Every compiled file reachable from `entry` by relative imports, read from `root`. Does I/O. */
const reachable = (root: string, entry: string, files: ReadonlySet<string>): Set<string> => {
  const seen = new Set<string>();
  const todo = [entry];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (seen.has(f) || !files.has(f)) continue;
    seen.add(f);
    todo.push(...relativeImports(f, readFileSync(join(root, f), 'utf8')));
  }
  return seen;
};

/**
 * What is wrong with an unpacked package at `root` holding `files`: forbidden files, and any module
 * importing vitest that the main entry (`dist/index.js`) reaches (vitest is an optional peer, for the
 * `/testing` subpath only). Does I/O (reads the compiled modules).
 */
export const tarballProblems = (root: string, files: readonly string[]): string[] => {
  const forbidden = files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  const all = new Set(files);
  const main = reachable(root, 'dist/index.js', all);
  const vitestInMain = [...main].filter((f) =>
    /from\s*['"]vitest['"]/.test(readFileSync(join(root, f), 'utf8')),
  );
  return [
    ...forbidden.map((f) => `${f}: a test file, build info or test helper`),
    ...vitestInMain.map((f) => `${f}: imports vitest and is reached from the main entry`),
  ];
};
