/**
 * The real Electron modules, handed to the rest of main as ElectronRuntime. This is the one file of main
 * that imports Electron at runtime (it cannot load outside Electron, so nothing else imports it but
 * main/index.ts). Assigning the modules to the port types is the compile-time proof that they fit.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  globalShortcut,
  ipcMain,
  powerMonitor,
  session,
  shell,
  utilityProcess,
} from 'electron';
import type { ElectronRuntime } from './electron-ports';

/** The log file's opener (electron-log) is a runtime piece too: only the app's entry may load it, never a test. */
export { openLogFile } from './log-file';

export function electronRuntime(): ElectronRuntime {
  return { app, BrowserWindow, ipcMain, session, powerMonitor, utilityProcess, globalShortcut, shell, clipboard };
}
