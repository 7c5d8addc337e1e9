/**
 * Builds only the renderer into out/renderer, with the same settings electron-vite uses for it (root
 * renderer/, relative base for file://, the React plugin). `npm run build` builds everything; this is the
 * fallback the harness and the e2e tests use when out/renderer is missing, so they do not depend on the
 * main-process build being green.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const rendererOutDir = resolve(__dirname, '../../out/renderer');

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root: resolve(__dirname, '../../renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: rendererOutDir, emptyOutDir: true },
  });
}

export async function ensureRendererBuilt(): Promise<string> {
  if (!existsSync(resolve(rendererOutDir, 'index.html'))) await buildRenderer();
  return rendererOutDir;
}
