import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (docs/reliability.md): `npm run test:reliability`.
 * BRIEF_RELIABILITY=full runs the full sizes of each row; the default quick mode is CI's subset.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    exclude: ['node_modules/**'],
    // Two cores on the build machines, and the trials start workers and processes of their own.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Under CI=true a missing ../shared/corpora fails the run instead of skipping suites.
    globalSetup: ['test/global-setup.ts'],
  },
});
