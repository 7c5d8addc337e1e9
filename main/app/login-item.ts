/**
 * Start at login, per OS. macOS and Windows keep the login item themselves (Electron's setLoginItemSettings);
 * Linux has no such API, so the app writes and removes its own XDG autostart entry
 * (`$XDG_CONFIG_HOME/autostart/clade-admin.desktop`, default `~/.config/autostart`).
 * Started that way, the app stays in the tray: Windows and Linux pass START_HIDDEN_ARG, macOS says so through
 * getLoginItemSettings().wasOpenedAtLogin.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import {
  AUTOSTART_FILE_NAME,
  START_HIDDEN_ARG,
  autostartEntry,
  autostartExecutable,
} from '../core/desktop/autostart-entry';
import type { AppPort } from './electron-ports';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<AppPort, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  env: Record<string, string | undefined>;
  execPath: string;
  homeDir: string;
  /** Arguments before START_HIDDEN_ARG: the app's folder in a development run (a bare Electron binary needs it). */
  appArgs?: readonly string[];
}

export interface LoginItem {
  set(openAtLogin: boolean): void;
  isOn(): boolean;
  /** Where the OS keeps it, for the settings' hint: the autostart file on Linux, else null (the OS's own list). */
  location: string | null;
}

/** `$XDG_CONFIG_HOME/autostart`; the spec says a relative XDG_CONFIG_HOME is invalid and must be ignored. */
export function autostartDir(env: Record<string, string | undefined>, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME;
  return join(configHome && isAbsolute(configHome) ? configHome : join(homeDir, '.config'), 'autostart');
}

export function createLoginItem(deps: LoginItemDeps): LoginItem {
  if (deps.platform === 'darwin') {
    return {
      // openAsHidden only works before macOS 13; later ones tell the app through wasOpenedAtLogin (startsHidden).
      set: (openAtLogin) => deps.app.setLoginItemSettings({ openAtLogin, openAsHidden: openAtLogin }),
      isOn: () => deps.app.getLoginItemSettings().openAtLogin,
      location: null,
    };
  }
  if (deps.platform === 'win32') {
    // Windows keys the Run entry on path + args: the same pair must be given to read it back.
    const entry = { path: deps.execPath, args: [...(deps.appArgs ?? []), START_HIDDEN_ARG] };
    return {
      set: (openAtLogin) => deps.app.setLoginItemSettings({ openAtLogin, ...entry }),
      isOn: () => deps.app.getLoginItemSettings(entry).openAtLogin,
      location: null,
    };
  }
  const file = join(autostartDir(deps.env, deps.homeDir), AUTOSTART_FILE_NAME);
  return {
    set: (openAtLogin) => {
      if (!openAtLogin) return rmSync(file, { force: true });
      mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
      const executable = autostartExecutable(deps.env, deps.execPath);
      const args = [...(deps.appArgs ?? []), START_HIDDEN_ARG];
      writeFileSync(file, autostartEntry({ executable, args }), { mode: 0o644 });
    },
    isOn: () => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    },
    location: file,
  };
}

/** Whether this launch came from the login item: then the app starts in the tray, without its window. */
export function startsHidden(
  argv: readonly string[],
  platform: NodeJS.Platform,
  app: Pick<AppPort, 'getLoginItemSettings'>,
): boolean {
  if (argv.includes(START_HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
