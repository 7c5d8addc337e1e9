import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects: `node` for main-side code (core, db, adapters, sandbox, cli, ipc),
// `dom` for renderer and preload units, `e2e` for the built renderer in Debian's Chromium via the web harness.
export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/main/**/*.test.ts', 'test/tools/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}', 'test/preload/**/*.test.ts'],
          setupFiles: ['test/helpers/dom-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
