/**
 * What the window may ask of the desktop glue (app/desktop.ts implements it, ipc/domains/desktop.ts answers the
 * channels with it). Types only: it lives here because both layers may import services.
 */
import type { DesktopSettingsSnapshot } from '../../preload/contract';

export interface DesktopPort {
  snapshot(): DesktopSettingsSnapshot;
  /** Throws DesktopRefusal (core/desktop/desktop-settings.ts) when the OS refuses the change. */
  setOpenAtLogin(openAtLogin: boolean): DesktopSettingsSnapshot;
  /** Throws DesktopRefusal when the accelerator is not valid or another app holds it. */
  setShortcut(setting: { enabled: boolean; accelerator: string }): DesktopSettingsSnapshot;
  openLogsFolder(): Promise<{ folder: string }>;
  copyDiagnostics(): { text: string };
}
