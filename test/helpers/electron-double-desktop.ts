/**
 * Typed doubles of the desktop slices of Electron (main/app/electron-ports.ts): globalShortcut, shell.openPath,
 * clipboard, and the login item record behind app.setLoginItemSettings / getLoginItemSettings. Types come from
 * Electron itself, so a double that drifts from the real API stops compiling.
 */
import type { LoginItemSettings, LoginItemSettingsOptions, Settings } from 'electron';
import type { ElectronRuntime } from '../../main/app/electron-ports';

type Accelerator = Parameters<ElectronRuntime['globalShortcut']['register']>[0];

/** Electron's globalShortcut: `taken` are accelerators another app holds (register answers false for them). */
export class GlobalShortcutDouble implements Pick<ElectronRuntime['globalShortcut'], 'register' | 'unregister'> {
  readonly registered = new Map<string, () => void>();
  readonly taken = new Set<string>();
  readonly calls: string[] = [];
  register(accelerator: Accelerator, callback: () => void): boolean {
    this.calls.push(`register ${accelerator}`);
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: Accelerator): void {
    this.calls.push(`unregister ${accelerator}`);
    this.registered.delete(accelerator);
  }
  /** The user presses the shortcut. */
  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  }
}

export class ShellDouble implements Pick<ElectronRuntime['shell'], 'openPath'> {
  readonly opened: string[] = [];
  /** What openPath answers: '' on success, else the OS's error text. */
  answer = '';
  async openPath(path: string): Promise<string> {
    this.opened.push(path);
    return this.answer;
  }
}

export class ClipboardDouble implements Pick<ElectronRuntime['clipboard'], 'writeText'> {
  text = '';
  writeText(text: string): void {
    this.text = text;
  }
}

/**
 * The OS's login items as Electron reports them. Windows keys its Run entry on path + args (reading with other
 * args finds nothing), macOS keeps one entry for the app; `openedAtLogin` is what macOS says about this launch.
 */
export class LoginItemsDouble {
  readonly entries = new Map<string, boolean>();
  readonly calls: Settings[] = [];
  openedAtLogin = false;
  private static key(options: { path?: string; args?: string[] } = {}): string {
    return `${options.path ?? '<execPath>'} ${(options.args ?? []).join(' ')}`;
  }
  set(settings: Settings): void {
    this.calls.push(settings);
    this.entries.set(LoginItemsDouble.key(settings), settings.openAtLogin === true);
  }
  get(options?: LoginItemSettingsOptions): LoginItemSettings {
    return {
      openAtLogin: this.entries.get(LoginItemsDouble.key(options)) ?? false,
      openAsHidden: false,
      wasOpenedAtLogin: this.openedAtLogin,
      wasOpenedAsHidden: false,
      restoreState: false,
      status: 'not-registered',
      executableWillLaunchAtLogin: false,
      launchItems: [],
    };
  }
}
