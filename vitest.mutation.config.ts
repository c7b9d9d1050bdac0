import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The test suite Stryker runs against each mutant (see docs/mutation-testing.md): the unit tests of
// the package being mutated. Workspace imports resolve to the sources next to this file,
// so inside Stryker's sandbox a test of @strive/engine exercises the mutated @strive/eventlog too.
// Paths from the working directory (the repository, or Stryker's sandbox copy of it): vite loads this
// file from node_modules/.vite-temp, so import.meta.url would point at the repository's node_modules.
const root = process.cwd();
const source = (path: string): string => join(root, 'packages', path);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@strive\/eventlog\/testing$/, replacement: source('eventlog/src/testing.ts') },
      { find: /^@strive\/eventlog$/, replacement: source('eventlog/src/index.ts') },
      { find: /^@strive\/engine\/testing$/, replacement: source('engine/src/testing.ts') },
      { find: /^@strive\/engine$/, replacement: source('engine/src/index.ts') },
      { find: /^@strive\/campaign$/, replacement: source('campaign/src/index.ts') },
    ],
  },
  test: {
    root,
    // One package's unit tests (STRIVE_MUTATE, set by `pnpm mutation`), or all three.
    include: (process.env['STRIVE_MUTATE'] === undefined
      ? ['eventlog', 'engine', 'campaign']
      : [process.env['STRIVE_MUTATE']]
    ).map((name) => `packages/${name}/src/**/*.test.ts`),
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts'],
    // Every fast-check property runs under one seed (STRIVE_FC_SEED to change it).
    setupFiles: ['test/support/fastCheckSeed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
