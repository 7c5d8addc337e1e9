/**
 * This computer's desktop settings as main holds them (start at login, the show/hide shortcut, the log folder),
 * and the two helpers for a bug report: open the logs folder, copy the diagnostics. Outside the desktop app (the
 * web harness) main answers `unavailable`, and the section says so instead of its controls.
 */
import { create } from 'zustand';
import type { DesktopSettingsSnapshot } from '../../preload/contract';
import { ApiError, api, errorMessage, unwrap } from '../lib/api';

interface DesktopState {
  snapshot: DesktopSettingsSnapshot | null;
  /** Why the section cannot be used here (not the desktop app); null when it can. */
  unavailable: string | null;
  error: string | null;
  /** A short confirmation ("Copied…", "Opened…"). */
  status: string | null;
  /** The diagnostics last copied, shown so the admin sees what they will paste. */
  diagnostics: string | null;
  busy: boolean;
  load: () => Promise<void>;
  setOpenAtLogin: (on: boolean) => Promise<void>;
  setShortcut: (enabled: boolean, accelerator: string) => Promise<boolean>;
  openLogs: () => Promise<void>;
  copyDiagnostics: () => Promise<void>;
}

export const useDesktopStore = create<DesktopState>((set) => {
  const run = async (work: () => Promise<Partial<DesktopState>>): Promise<boolean> => {
    set({ busy: true, error: null, status: null });
    try {
      set({ ...(await work()), busy: false });
      return true;
    } catch (error) {
      set({ error: errorMessage(error), busy: false });
      return false;
    }
  };
  return {
    snapshot: null,
    unavailable: null,
    error: null,
    status: null,
    diagnostics: null,
    busy: false,
    load: async () => {
      try {
        set({ snapshot: await unwrap(api().desktop.get()), unavailable: null });
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'unavailable' || error.code === 'no-bridge'))
          set({ unavailable: error.message });
        else set({ error: errorMessage(error) });
      }
    },
    setOpenAtLogin: async (openAtLogin) => {
      await run(async () => ({ snapshot: await unwrap(api().desktop.setOpenAtLogin({ openAtLogin })) }));
    },
    setShortcut: (enabled, accelerator) =>
      run(async () => ({
        snapshot: await unwrap(api().desktop.setShortcut({ enabled, accelerator })),
        status: enabled ? 'Shortcut saved.' : 'Shortcut turned off.',
      })),
    openLogs: async () => {
      await run(async () => {
        const { folder } = await unwrap(api().desktop.openLogs());
        return { status: `Opened ${folder}.` };
      });
    },
    copyDiagnostics: async () => {
      await run(async () => {
        const { text } = await unwrap(api().desktop.copyDiagnostics());
        return { diagnostics: text, status: 'Diagnostics copied to the clipboard.' };
      });
    },
  };
});
