/**
 * Handlers for preload/contract-desktop.ts. The work is Electron glue (app/desktop.ts implements DesktopPort);
 * windows without it (the web harness, tests) answer `unavailable` with a sentence the settings view shows.
 */
import { DesktopRefusal } from '../../core/desktop/desktop-settings';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';
import type { DesktopPort } from '../../services/desktop-port';

export interface DesktopDeps {
  /** Absent outside the Electron app. */
  desktop?: DesktopPort;
}

const NO_DESKTOP = 'Start at login, the shortcut and the log folder are set in the desktop app.';

export function desktopHandlers(deps: DesktopDeps): {
  'clade:desktop/get': Handler<'clade:desktop/get'>;
  'clade:desktop/set-open-at-login': Handler<'clade:desktop/set-open-at-login'>;
  'clade:desktop/set-shortcut': Handler<'clade:desktop/set-shortcut'>;
  'clade:desktop/open-logs': Handler<'clade:desktop/open-logs'>;
  'clade:desktop/copy-diagnostics': Handler<'clade:desktop/copy-diagnostics'>;
} {
  const desktop = (): DesktopPort => {
    if (!deps.desktop) throw new HandlerError('unavailable', NO_DESKTOP);
    return deps.desktop;
  };
  const said = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof DesktopRefusal) throw new HandlerError('bad-request', error.message);
      throw error;
    }
  };
  return {
    'clade:desktop/get': async () => desktop().snapshot(),
    'clade:desktop/set-open-at-login': async ({ openAtLogin }) => said(() => desktop().setOpenAtLogin(openAtLogin)),
    'clade:desktop/set-shortcut': async (setting) => said(() => desktop().setShortcut(setting)),
    'clade:desktop/open-logs': async () => desktop().openLogsFolder(),
    'clade:desktop/copy-diagnostics': async () => desktop().copyDiagnostics(),
  };
}
