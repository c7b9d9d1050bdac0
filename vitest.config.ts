import { defineConfig } from 'vitest/config';

const ci = process.env['CI'] === 'true' || process.env['CI'] === '1';

export default defineConfig({
  resolve: { conditions: ['strive-source'] },
  ssr: { resolve: { conditions: ['strive-source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Every fast-check property runs under one seed (STRIVE_FC_SEED to change it).
    setupFiles: ['test/support/fastCheckSeed.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ci ? ['default', 'json'] : ['default'],
    outputFile: { json: '.ci/vitest.json' },
  },
});
