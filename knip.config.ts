import type { KnipConfig } from 'knip';

// `pnpm knip` (part of `pnpm test`): no unused file, export or dependency. Entry points, as they are:
// each package's public entries (package.json `exports`, `bin`), tests, benches, scripts and the
// child processes tests spawn (named by path, not imported).
const config: KnipConfig = {
  workspaces: {
    '.': {
      entry: [
        'test/**/*.test.ts',
        'test/reliability/children/*.js',
        // Types of the plain JavaScript helpers beside them.
        'test/**/*.d.ts',
        'examples/data/*.js',
        'vitest.mutation.config.ts',
        'stryker.config.js',
      ],
      project: ['test/**/*.{ts,js}', '*.{ts,js}', 'examples/data/*.js'],
      // Packed into a consumer app outside the workspace by test/consumer, with its own dependencies.
      ignore: ['test/consumer/app/**'],
      ignoreDependencies: [
        // Binaries test/consumer/packages.test.ts runs on every packed package.
        '@arethetypeswrong/cli',
        'publint',
        // `pnpm mutation` (stryker.config.js refuses to load without STRIVE_MUTATE, so knip cannot read it).
        '@stryker-mutator/.*',
        // test/consumer packs these workspace packages; test/ children load them from their dist.
        '@strive/.*',
        // test/reliability/support loads the stores' own pg (pgEnv) and its types come with it.
        'pg',
        '@types/pg',
      ],
    },
    'packages/*': {
      entry: ['src/**/*.test.ts', 'src/**/*.int.test.ts', 'bench/**/*.js', 'fixtures/**/*.js'],
      project: ['src/**/*.ts', 'bench/**/*.js', 'fixtures/**/*.js'],
    },
    'packages/bench': {
      entry: ['src/main.ts', 'src/**/*.test.ts', 'src/engine/rssFloor.ts'],
      project: ['src/**/*.ts'],
    },
    'packages/cli': {
      entry: ['src/entry.ts', 'src/**/*.test.ts', 'scripts/*.js'],
      project: ['src/**/*.ts', 'scripts/**/*.js'],
      ignoreDependencies: [
        // Left outside the bundle (scripts/bundle.js `external`): store-sqlite loads it at run time.
        'better-sqlite3',
        // Read from node_modules as files and inlined into `strive report --html` (loadPageAssets).
        'chart.js',
        'chartjs-plugin-annotation',
        'mermaid',
      ],
    },
    'examples/*': {
      entry: ['**/*.test.ts', '*.js', 'src/main.ts'],
      project: ['**/*.{ts,js}'],
    },
  },
  stryker: false,
  ignoreIssues: {
    // One codec object exported twice by design: as built, and as a mapped type for generic lookups.
    'packages/campaign/src/domain/campaignEvents.ts': ['duplicates'],
    'packages/campaign/src/domain/subjectEvents.ts': ['duplicates'],
  },
};

export default config;
