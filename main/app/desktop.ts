/**
 * The desktop around the window: start at login, the global show/hide shortcut, the log file, "Open logs folder",
 * "Copy diagnostics", and Windows' AppUserModelId (so notifications carry the app's name). Started once by the
 * composition root after `ready`; it answers the desktop channels (ipc/domains/desktop.ts) and cleans up on quit.
 * The settings are this computer's (desktop.json); start-at-login is read back from the OS, which the admin can
 * also change in the system settings.
 */
import { homedir, arch, release } from 'node:os';
import type Database from 'better-sqlite3';
import type { DesktopSettingsSnapshot } from '../../preload/contract';
import { createDesktopSettingsFile } from '../adapters/desktop-settings-file';
import { createProfilesFile } from '../adapters/profiles-file';
import { checkAccelerator } from '../core/desktop/accelerator';
import { DesktopRefusal } from '../core/desktop/desktop-settings';
import { formatDiagnostics, homeRelative } from '../core/desktop/diagnostics';
import { isDemoProfile } from '../core/vault/profiles';
import { readMirrorStatus } from '../db/repos/status-repo';
import type { DesktopPort } from '../services/desktop-port';
import type { ElectronRuntime } from './electron-ports';
import { createGlobalShortcut } from './global-shortcut';
import { wireLifecycle } from './lifecycle';
import type { WindowSlot } from './window';
import { attachLogSink, log, type LogLevel, type LogSink } from './log';
import { createLoginItem, startsHidden } from './login-item';

/** Must equal electron-builder.yml's appId: Windows matches notifications to the installed shortcut by it. */
export const APP_USER_MODEL_ID = 'dev.cladeadmin.app';

export interface DesktopDeps {
  electron: Pick<ElectronRuntime, 'app' | 'BrowserWindow' | 'globalShortcut' | 'shell' | 'clipboard'>;
  dataDir: string;
  /** The one window: the shortcut toggles it, the dock's activate reopens it. */
  window: Pick<WindowSlot, 'show' | 'toggle'>;
  /** The open profile's data: its mirror and mode, for the diagnostics. */
  active: { current(): { db: Database.Database; mode: 'demo' | 'live' } | null };
  /** Opens the log file (app/log-file.ts, wired by desktop-runtime.ts); absent: stderr only (tests). */
  openLogFile?: (options: { dir: string; level?: LogLevel }) => LogSink & { path: string };
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  argv?: readonly string[];
  execPath?: string;
  homeDir?: string;
  versions?: DiagnosticsVersions;
  now?: () => number;
}

type DiagnosticsVersions = { electron?: string; node?: string; chrome?: string };

export interface Desktop {
  port: DesktopPort;
  /** This launch came from the login item: keep the window closed, the tray is enough. */
  startHidden: boolean;
  stop(): void;
}

export function startDesktop(deps: DesktopDeps): Desktop {
  const { app } = deps.electron;
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  const homeDir = deps.homeDir ?? homedir();
  const now = deps.now ?? (() => Date.now());
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const logsFolder = app.getPath('logs');
  const logFile = openLog(deps, logsFolder, env);
  const settingsFile = createDesktopSettingsFile(deps.dataDir);
  const loginItem = createLoginItem({
    platform,
    app,
    env,
    execPath: deps.execPath ?? process.execPath,
    homeDir,
    // A development run is the Electron binary plus the app's folder; a packaged app is its executable alone.
    appArgs: app.isPackaged ? [] : [app.getAppPath()],
  });
  const shortcut = createGlobalShortcut(deps.electron.globalShortcut, () => deps.window.toggle());
  // The tray keeps the app alive with no window open; the dock's activate (macOS) brings the window back.
  wireLifecycle(app, {
    showWindow: () => void deps.window.show(),
    windowCount: () => deps.electron.BrowserWindow.getAllWindows().length,
    keepAliveWithoutWindows: () => true,
  });
  // Launched again from the menu while it lives in the tray (started hidden, or its window closed): open the window.
  // Registered here, after ready, where a window may be created; claimSingleInstance's own handler only reveals one.
  app.on('second-instance', () => void deps.window.show());
  let shortcutProblem: string | null = null;

  const stored = settingsFile.read();
  const started = shortcut.apply(stored.shortcut);
  if (!started.ok) {
    shortcutProblem = started.message;
    log(`The show/hide shortcut is off this session: ${started.message}`);
  }
  // An AppImage moved or updated since the entry was written: the entry follows it.
  if (platform === 'linux' && loginItem.isOn()) tryLogged(() => loginItem.set(true), 'refresh the autostart entry');

  const snapshot = (): DesktopSettingsSnapshot => {
    const settings = settingsFile.read();
    return {
      openAtLogin: loginItem.isOn(),
      shortcut: { ...settings.shortcut, active: shortcut.active(), problem: shortcutProblem },
      logsFolder,
      autostartFile: loginItem.location,
      platform: platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other',
    };
  };

  const port: Desktop['port'] = {
    snapshot,
    setOpenAtLogin: (openAtLogin) => {
      try {
        loginItem.set(openAtLogin);
      } catch (error) {
        log('Start at login could not be changed', error);
        throw new DesktopRefusal(`Start at login could not be changed: ${(error as Error).message}`);
      }
      settingsFile.write({ ...settingsFile.read(), openAtLogin });
      return snapshot();
    },
    setShortcut: (setting) => {
      const checked = setting.enabled ? checkAccelerator(setting.accelerator) : null;
      if (checked && !checked.ok) throw new DesktopRefusal(checked.message);
      const accelerator = checked?.ok ? checked.accelerator : setting.accelerator;
      const result = shortcut.apply({ enabled: setting.enabled, accelerator });
      if (!result.ok) throw new DesktopRefusal(result.message);
      shortcutProblem = null;
      const current = settingsFile.read();
      // Switching off keeps the last good accelerator, so switching on again offers it.
      const kept = setting.enabled || checkAccelerator(accelerator).ok ? accelerator : current.shortcut.accelerator;
      settingsFile.write({ ...current, shortcut: { enabled: setting.enabled, accelerator: kept } });
      return snapshot();
    },
    openLogsFolder: async () => {
      const problem = await deps.electron.shell.openPath(logsFolder);
      if (problem) throw new DesktopRefusal(`The logs folder could not be opened: ${problem}`);
      return { folder: logsFolder };
    },
    copyDiagnostics: () => {
      const text = diagnosticsText();
      deps.electron.clipboard.writeText(text);
      return { text };
    },
  };

  function diagnosticsText(): string {
    const open = deps.active.current();
    const status = open ? readMirrorStatus(open.db) : null;
    const profileCount = countProfiles(deps.dataDir);
    const versions = deps.versions ?? process.versions;
    return formatDiagnostics({
      app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged },
      versions: { electron: versions.electron, node: versions.node, chrome: versions.chrome },
      os: { platform, release: release(), arch: arch() },
      profileCount,
      mode: open?.mode ?? 'none',
      lastSyncAtMs: status?.syncedAtMs ?? null,
      credential: status?.credential?.status ?? null,
      resources: status?.resources ?? [],
      logFile: logFile ? homeRelative(logFile.path, homeDir) : null,
      nowMs: now(),
    });
  }

  const stop = (): void => {
    shortcut.stop();
    attachLogSink(null);
  };
  app.on('will-quit', stop);
  return { port, startHidden: startsHidden(deps.argv ?? process.argv, platform, app), stop };
}

function openLog(
  deps: DesktopDeps,
  dir: string,
  env: Record<string, string | undefined>,
): (LogSink & { path: string }) | null {
  if (!deps.openLogFile) return null;
  try {
    const level = env.CLADE_LOG_LEVEL === 'debug' ? 'debug' : 'info';
    const file = deps.openLogFile({ dir, level });
    attachLogSink(file);
    return file;
  } catch (error) {
    log('The log file could not be opened; logging to stderr only', error);
    return null;
  }
}

/** Profiles on this computer, the demo not counted; an unreadable profiles.json counts 0 (the report still helps). */
function countProfiles(dataDir: string): number {
  try {
    return createProfilesFile(dataDir)
      .list()
      .filter((p) => !isDemoProfile(p.id)).length;
  } catch {
    return 0;
  }
}

function tryLogged(run: () => void, what: string): void {
  try {
    run();
  } catch (error) {
    log(`Could not ${what}`, error);
  }
}
