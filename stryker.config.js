// Mutation testing of the code that decides (docs/mutation-testing.md): `pnpm mutation`.
// Not part of `pnpm test` or CI: a full run takes tens of minutes.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // pnpm keeps the runner out of core's reach: name the plugin so Stryker loads it
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  // Mutants in code that runs only while a module loads (rule tables, codecs, messages) would each need
  // the whole suite: about 570 of them, two thirds of the run time. They are left out and counted.
  ignoreStatic: true,
  mutate: [
    // eventlog: planning an append, hashing, canonical JSON, verifying the chain, validation
    'packages/eventlog/src/planAppend.ts',
    'packages/eventlog/src/hashEvent.ts',
    'packages/eventlog/src/canonicalJson.ts',
    'packages/eventlog/src/serializeCanonical.ts',
    'packages/eventlog/src/quoteJson.ts',
    'packages/eventlog/src/canonicalCopy.ts',
    'packages/eventlog/src/verifyChain.ts',
    'packages/eventlog/src/validateJson.ts',
    'packages/eventlog/src/validateName.ts',
    'packages/eventlog/src/prepareEvents.ts',
    'packages/eventlog/src/prepareMetadata.ts',
    'packages/eventlog/src/prepareRequests.ts',
    'packages/eventlog/src/JsonValueCodec.ts',
    // engine: command handling, the compiled transition table, policy
    'packages/engine/src/handleCommand.ts',
    'packages/engine/src/decideAndAppend.ts',
    'packages/engine/src/planCommand.ts',
    'packages/engine/src/decodeCommand.ts',
    'packages/engine/src/compileTransitionTable.ts',
    'packages/engine/src/stepTable.ts',
    'packages/engine/src/policy.ts',
    // campaign: the rules and the commands
    'packages/campaign/src/rules/**/*.ts',
    'packages/campaign/src/commands/**/*.ts',
    '!**/*.test.ts',
  ],
  // Everything else is copied (a few MB): vite reads every tsconfig the root one references.
  ignorePatterns: ['dist', 'docs', '.ci', 'reports', '*.db'],
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
