/**
 * Child scripts run as plain CommonJS bundles, like the shipped CLI (out/main/cli.js), so a child's RSS is the
 * product's and not tsx's on-the-fly compiler (~40 MB more). Bundled with esbuild (already installed: tsx and vite
 * use it); native and browser modules stay external and resolve from the repo's node_modules, which is why the
 * bundles live under bench-results/ (inside the repo, git-ignored) and not in /tmp.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './child';

const CHILDREN_DIR = resolve(REPO_ROOT, 'test/bench/children');

export async function bundleChildren(outDir: string): Promise<void> {
  const esbuild = await import('esbuild');
  const entryPoints = Object.fromEntries(
    readdirSync(CHILDREN_DIR)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [f.replace(/\.ts$/, ''), join(CHILDREN_DIR, f)]),
  );
  // The sync's write worker beside the children, where a bundled sync finds it (db/write-worker/worker-writer.ts).
  entryPoints['sync-writer'] = resolve(REPO_ROOT, 'main/db/write-worker/worker-main.ts');
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    external: ['better-sqlite3', 'keytar', 'playwright-core', 'electron'],
  });
}
