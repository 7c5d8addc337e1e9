/**
 * App lifecycle: one instance per user (a second launch just reveals the first one's window), reopen the
 * window on macOS dock activation, and quit when the last window closes unless something (the tray)
 * keeps the app alive.
 */
import type { AppPort } from './electron-ports';

/** Returns false when another instance already runs; this one then quits and the caller stops. */
export function claimSingleInstance(
  app: Pick<AppPort, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  onSecondInstance: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}

export interface LifecycleOptions {
  /** Opens or reveals the window. */
  showWindow: () => void;
  /** How many windows are open now. */
  windowCount: () => number;
  /** True once a tray icon exists: closing the window then leaves the app running in the tray. */
  keepAliveWithoutWindows: () => boolean;
}

export function wireLifecycle(app: Pick<AppPort, 'on' | 'quit'>, options: LifecycleOptions): void {
  app.on('activate', () => {
    if (options.windowCount() === 0) options.showWindow();
  });
  app.on('window-all-closed', () => {
    if (!options.keepAliveWithoutWindows()) app.quit();
  });
}
