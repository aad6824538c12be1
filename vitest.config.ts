import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores on the build machines: keep parallelism modest so timing-free tests stay calm.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Under CI=true a missing ../shared/corpora fails the run instead of skipping suites.
    globalSetup: ['test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/reliability/**', 'test/renderer/**', 'node_modules/**'],
        },
      },
      {
        // The dashboard's stores and components in a simulated DOM, over a fake transport
        // (test/renderer/fake-api.ts): everything under test/renderer.
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
