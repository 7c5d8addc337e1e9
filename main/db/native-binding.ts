// Which better-sqlite3 native file to load (stack.md §11, approach 1: two builds side by side).
// node_modules/better-sqlite3 holds the Node-ABI build used by vitest and the CLI. Inside Electron
// the app needs an Electron-ABI build, which `main/tools/native-electron.mjs` stages under
// .native/electron/<electron-version>/better_sqlite3.node. Pass the result to
// `new Database(file, { nativeBinding })`; undefined means "better-sqlite3's default" (Node, or a
// packaged app whose node_modules electron-builder already rebuilt for Electron).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface NativeBindingContext {
  /** Electron's version when running inside Electron (default: process.versions.electron). */
  electronVersion?: string | undefined;
  /** The project root that holds .native/ (default: two folders above the running bundle). */
  root?: string;
  /** File existence check (injectable for tests). */
  exists?: (file: string) => boolean;
}

/** Where native-electron.mjs stages the Electron-ABI build for one Electron version. */
export function stagedElectronBindingPath(root: string, electronVersion: string): string {
  return join(root, '.native', 'electron', electronVersion, 'better_sqlite3.node');
}

// The bundle lives in out/main/ and this source in main/db/: both are two levels below the root.
function defaultRoot(): string {
  return typeof __dirname === 'string' ? resolve(__dirname, '..', '..') : process.cwd();
}

/** The staged Electron-ABI better_sqlite3.node when running in Electron and it exists, else undefined. */
export function betterSqliteNativeBinding(context: NativeBindingContext = {}): string | undefined {
  const electronVersion = 'electronVersion' in context ? context.electronVersion : process.versions.electron;
  if (!electronVersion) return undefined;
  const file = stagedElectronBindingPath(context.root ?? defaultRoot(), electronVersion);
  return (context.exists ?? existsSync)(file) ? file : undefined;
}
