/**
 * Where the keychain host's entry is: the built out/main/keychain-host.js beside the running bundle (shared code may
 * sit one folder down in chunks/), or, when this code itself runs from TypeScript source (tests, tsx), host-main.ts
 * beside this file, which then needs tsx to load.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface KeychainHostEntry {
  /** The module to start. */
  file: string;
  /** What Node needs to run it: nothing for the build, tsx's require hook for the source. */
  execArgv: string[];
}

export const BUILT_HOST_NAME = 'keychain-host.js';
const SOURCE_NAME = 'host-main.ts';

export function findKeychainHost(opts: { here?: string; fromSource?: boolean } = {}): KeychainHostEntry | null {
  const here = opts.here ?? __dirname;
  for (const dir of [here, dirname(here)]) {
    const file = join(dir, BUILT_HOST_NAME);
    if (existsSync(file)) return { file, execArgv: [] };
  }
  const fromSource = opts.fromSource ?? __filename.endsWith('.ts');
  const source = join(here, SOURCE_NAME);
  if (!fromSource || !existsSync(source)) return null;
  const tsx = createRequire(join(here, 'x.js')).resolve('tsx/cjs');
  return { file: source, execArgv: ['--require', tsx] };
}
