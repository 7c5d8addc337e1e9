/**
 * The global show/hide shortcut. One accelerator at a time: a change unregisters the old one first, a refusal
 * (register answers false: another app or the desktop holds it) puts the old one back and says so in words, and
 * quitting unregisters it (Electron asks for that before quit).
 */
import { checkAccelerator } from '../core/desktop/accelerator';
import type { ElectronRuntime } from './electron-ports';

export type ShortcutResult = { ok: true; active: string | null } | { ok: false; message: string };

export interface ShortcutSetting {
  enabled: boolean;
  accelerator: string;
}

export interface GlobalShortcutToggle {
  apply(setting: ShortcutSetting): ShortcutResult;
  /** The accelerator registered now, or null. */
  active(): string | null;
  stop(): void;
}

export function shortcutTakenMessage(accelerator: string): string {
  return `${accelerator} is already used by another app or by the desktop, so Clade Admin cannot have it. Choose another shortcut.`;
}

export function createGlobalShortcut(
  globalShortcut: ElectronRuntime['globalShortcut'],
  onPress: () => void,
): GlobalShortcutToggle {
  let active: string | null = null;
  const release = (): void => {
    if (active !== null) globalShortcut.unregister(active);
    active = null;
  };
  const register = (accelerator: string): boolean => {
    try {
      return globalShortcut.register(accelerator, onPress);
    } catch {
      return false; // Electron throws on an accelerator it cannot parse; checkAccelerator keeps that rare
    }
  };
  return {
    apply(setting) {
      if (!setting.enabled) {
        release();
        return { ok: true, active: null };
      }
      const checked = checkAccelerator(setting.accelerator);
      if (!checked.ok) return checked;
      if (active === checked.accelerator) return { ok: true, active };
      const previous = active;
      release();
      if (register(checked.accelerator)) {
        active = checked.accelerator;
        return { ok: true, active };
      }
      if (previous !== null && register(previous)) active = previous;
      return { ok: false, message: shortcutTakenMessage(checked.accelerator) };
    },
    active: () => active,
    stop: release,
  };
}
