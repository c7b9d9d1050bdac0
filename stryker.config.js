import process from 'node:process';

// Mutation testing of the code that decides (docs/mutation-testing.md): `pnpm mutation` runs one
// Stryker run per package (STRIVE_MUTATE=eventlog|engine|campaign picks it), each against that
// package's own unit tests (vitest.mutation.config.ts). Not part of `pnpm test` or CI: it is slow.

/** What each run mutates: the core that decides, named in docs/mutation-testing.md. */
const scopes = {
  // planning an append, hashing, canonical JSON, verifying the chain, validation
  eventlog: [
    'packages/eventlog/src/planAppend.ts',
    'packages/eventlog/src/hashEvent.ts',
    'packages/eventlog/src/canonicalJson.ts',
    'packages/eventlog/src/serializeCanonical.ts',
    'packages/eventlog/src/quoteJson.ts',
    'packages/eventlog/src/verifyChain.ts',
    'packages/eventlog/src/validateJson.ts',
    'packages/eventlog/src/validateName.ts',
  ],
  // command handling, the compiled transition table, policy
  engine: [
    'packages/engine/src/handleCommand.ts',
    'packages/engine/src/decideAndAppend.ts',
    'packages/engine/src/compileTransitionTable.ts',
    'packages/engine/src/stepTable.ts',
    'packages/engine/src/policy.ts',
  ],
  // the rules and the commands
  campaign: [
    'packages/campaign/src/rules/**/*.ts',
    'packages/campaign/src/commands/**/*.ts',
    '!**/*.test.ts',
  ],
};

const target = process.env['STRIVE_MUTATE'] ?? '';
if (!(target in scopes))
  throw new Error(
    `set STRIVE_MUTATE to one of ${Object.keys(scopes).join(', ')} (pnpm mutation does)`,
  );

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm keeps the runner out of core's reach: name the plugin so Stryker loads it
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // Mutants in code that runs only while a module loads (rule tables, codecs, messages) would each
  // need the whole suite; they are left out of the run and counted in the report as ignored.
  ignoreStatic: true,
  mutate: scopes[target],
  // Everything else is copied (a few MB): vite reads every tsconfig the root one references.
  ignorePatterns: ['dist', 'docs', '.ci', 'reports', '*.db'],
  concurrency: 2,
  incremental: true,
  incrementalFile: `reports/mutation/${target}-incremental.json`,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${target}.html` },
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
