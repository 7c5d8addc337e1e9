/** Bundles browser-shim.ts into one classic script (IIFE) in memory, with the contract's channel list in front. */
import { resolve } from 'node:path';
import { channelKinds } from '../../preload/contract';

export async function bundleShim(): Promise<string> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve(__dirname, 'browser-shim.ts'),
        formats: ['iife'],
        name: 'cladeHarnessShim',
        fileName: () => 'shim.js',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') {
      return `globalThis.__cladeChannels = ${JSON.stringify(channelKinds())};\n${chunk.code}`;
    }
  }
  throw new Error('The harness shim did not bundle');
}
