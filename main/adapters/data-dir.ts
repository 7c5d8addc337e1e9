import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name Electron derives `userData` from (package.json `name`); the app pins it to this too. */
export const APP_DIR_NAME = 'clade-admin';

/**
 * The data folder shared by the app and the CLI: Electron's `userData` for this app name, so both read one mirror.
 * `CLADE_DATA_DIR` overrides it (tests, portable installs).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CLADE_DATA_DIR) return env.CLADE_DATA_DIR;
  return join(appDataDir(env, platform), APP_DIR_NAME);
}

/** Electron's `appData` path per platform (see Electron's app.getPath docs). */
function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** Where one profile's files live: `<dataDir>/profiles/<id>/`. */
export function profileDir(dataDir: string, profileId: string): string {
  return join(dataDir, 'profiles', profileId);
}

export const MIRROR_FILE_NAME = 'mirror.sqlite';

/** The profile's SQLite mirror. */
export function mirrorFile(dataDir: string, profileId: string): string {
  return join(profileDir(dataDir, profileId), MIRROR_FILE_NAME);
}

/** Creates the profile's folder (user-only, 0700) and returns its mirror file path. */
export function ensureMirrorFile(dataDir: string, profileId: string): string {
  mkdirSync(profileDir(dataDir, profileId), { recursive: true, mode: 0o700 });
  return mirrorFile(dataDir, profileId);
}
