import { defineConfig } from 'vitest/config';

/**
 * The test setup every package shares: tests live in test/**, run in Node, and each run leaves a
 * JSON report that `.ci/run` adds up into one closing "N passed, N failed" line.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
