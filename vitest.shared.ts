import { defineConfig } from 'vitest/config';

/**
 * The test setup every package shares: tests live in test/**, run in Node, and each run leaves a
 * JSON report that `.ci/run` adds up into one closing "N passed, N failed" line. The time limits
 * only catch hangs: they are generous so that a loaded machine passes too (speed is measured in
 * `pnpm bench`, never asserted in a test).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
