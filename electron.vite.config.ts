import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for everything that ships: the Electron main process, the headless CLI (same core and db),
// the preload bridge and the renderer. Dependencies stay external (native modules load from node_modules).
// Every build leaves the CLI executable (its node_modules/.bin link and `npx clade-admin` need the bit);
// a fresh output file would otherwise come out 0644 and only `npm install`'s prepare step restored it.
const cliExecutable = {
  name: 'clade-cli-executable',
  writeBundle(options: { dir?: string }, bundle: Record<string, unknown>) {
    if (options.dir && 'cli.js' in bundle) chmodSync(join(options.dir, 'cli.js'), 0o755);
  },
};

export default defineConfig({
  main: {
    plugins: [cliExecutable],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          // The sync's write worker (db/write-worker): a file of its own, since a worker thread starts from one.
          'sync-writer': resolve(__dirname, 'main/db/write-worker/worker-main.ts'),
          // The keychain host (adapters/keychain-host): keytar in a process of its own, which a timeout can kill.
          'keychain-host': resolve(__dirname, 'main/adapters/keychain-host/host-main.ts'),
        },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      // The preload runs sandboxed, where require() reaches only Electron: bundle its deps (zod) in.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
