/**
 * The real Electron Tray, Menu, Notification and nativeImage, handed to the tray and the notifier as a
 * TrayRuntime. Like electron-runtime.ts it imports Electron at run time, so only main/index.ts imports it;
 * assigning the modules to the port types is the compile-time proof that they fit.
 */
import { Menu, nativeImage, Notification, Tray } from 'electron';
import type { TrayRuntime } from './tray-ports';

export function trayRuntime(): TrayRuntime {
  return { Tray, Menu, Notification, nativeImage };
}
