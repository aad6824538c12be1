import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Dependencies load from node_modules, but zod is bundled: the bundle keeps what the contract
      // uses, where the package's entry loads ≈ 60 modules and every locale (≈ 9 MB of a `brief`
      // process, ≈ 40 ms of CPU at each start; test/cli/loaded-modules.test.ts).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        // The app's main process, the `brief` command line (which runs the engine in-process), and
        // the import's mail reader worker (found beside the engine's bundle: read-in-worker.ts).
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/brief.ts'),
          'mail-reader': resolve('electron/engine/sources/import/mail-reader-worker.ts'),
          // Reports off the engine's thread for `brief serve` (found beside the bundle: view-worker.ts).
          'analytics-worker': resolve('electron/engine/analytics-worker.ts'),
          // The engine as the CLI bundles it, for the benchmark's import children (bench/built.ts):
          // they measure what `brief` runs, not the TypeScript sources.
          engine: resolve('electron/engine/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // The sandboxed preload can only be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
