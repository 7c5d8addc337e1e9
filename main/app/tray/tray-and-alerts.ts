/**
 * The tray and the alert loop, started once by the composition root (main/index.ts). Every minute, and after
 * each sync, it runs the app's alert cycle over the open mirror and redraws the tray (icon state, tooltip with
 * the sync age, menu). The mirror may not be open yet (the demo org syncs while the window paints): then the
 * tray shows "not synced yet" and the cycle waits.
 */
import type Database from 'better-sqlite3';
import type { Navigate } from '../../../preload/contract';
import type { StorageError } from '../../core/storage-error';
import {
  pauseAlerts,
  resumeAlerts,
  runAppAlertCycle,
  type AppAlertCycleResult,
} from '../../services/alerts/alert-cycle';
import type { WebhookService } from '../../services/webhooks/webhook-service';
import { createElectronNotifier, type NotifierPort } from '../notifier';
import { createAppTray, type TrayView } from './tray';
import type { TrayMenuActions } from './tray-menu';
import type { TrayRuntime } from './tray-ports';
import { readTrayView } from './tray-view';

export const ALERT_INTERVAL_MS = 60_000;

export interface TrayAndAlertsDeps {
  electron: TrayRuntime;
  /** Folder holding tray-<state>Template.png (+@2x). */
  assetsDir: string;
  /** The open mirror of the active profile; null until it is ready. */
  mirror: () => Database.Database | null;
  now: () => number;
  /** The system's IANA zone; defaults to the platform's. */
  timeZone?: string;
  /** Shows the window, on one of its views when given (main/index.ts pushes it as clade:app/navigate-changed). */
  openView: (to: Navigate | null) => void;
  /** Runs one sync of the mirror; "Sync now" is disabled without it. */
  syncNow?: () => Promise<unknown>;
  quit: () => void;
  log: (message: string, error?: unknown) => void;
  /** Injected for tests; default the global timers. */
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(handle: unknown): void };
  /** Replaces the Electron notifier (tests). */
  notifier?: NotifierPort;
  /** The file problem the open profile's data stopped on (services/active-profile.ts); null when none. */
  storageProblem?: () => StorageError | null;
  /** The team webhook (services/webhooks/webhook-service.ts): posts what each cycle left due, in the background. */
  webhooks?: Pick<WebhookService, 'deliver'>;
}

export interface TrayAndAlerts {
  /** Runs one alert cycle now and redraws the tray; null when the mirror is not open yet. */
  runCycle(): AppAlertCycleResult | null;
  /** Redraws the tray from the mirror without evaluating. */
  refresh(): void;
  /** Tell the tray a sync started or ended (the scheduler's progress); an end runs a cycle. */
  setSyncing(syncing: boolean): void;
  /** The view the tray shows now (tests, diagnostics). */
  currentView(): TrayView;
  stop(): void;
}

export function startTrayAndAlerts(deps: TrayAndAlertsDeps): TrayAndAlerts {
  const timeZone = deps.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const notifier = deps.notifier ?? createElectronNotifier(deps.electron, { openView: deps.openView });
  const tray = createAppTray(deps.electron, { assetsDir: deps.assetsDir, onClick: () => deps.openView(null) });
  const timers = deps.timers ?? {
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
  };
  let syncing = false;
  let rulesProblemSaid = false;
  const actions: TrayMenuActions = {
    syncNow: () => void syncNow(),
    pauseAlerts: () => withMirror((db) => pauseAlerts(db, deps.now())),
    resumeAlerts: () => withMirror((db) => resumeAlerts(db)),
    openWindow: deps.openView,
    quit: deps.quit,
  };
  const moment = () => ({ nowMs: deps.now(), timeZone, syncing, canSync: deps.syncNow !== undefined });
  let view: TrayView = readTrayView(null, moment(), actions);

  function refresh(): void {
    try {
      view = readTrayView(deps.mirror(), moment(), actions, deps.storageProblem?.() ?? null);
      tray.show(view);
    } catch (error) {
      deps.log('The tray could not be updated', error);
    }
  }

  function withMirror(action: (db: Database.Database) => void): void {
    const db = deps.mirror();
    if (db === null) return;
    try {
      action(db);
    } catch (error) {
      deps.log('The alert settings could not be changed', error);
    }
    runCycle();
  }

  function runCycle(): AppAlertCycleResult | null {
    const db = deps.mirror();
    let result: AppAlertCycleResult | null = null;
    if (db !== null) {
      try {
        const nowMs = deps.now();
        result = runAppAlertCycle({ db, nowMs, timeZone, notifier });
        // After the cycle recorded its episodes; it reports its own failures, and never two run at once.
        void deps.webhooks?.deliver(db, nowMs);
        // Said once: the cycle runs every minute and the problem stays until the settings are fixed.
        if (result.rulesProblem && !rulesProblemSaid) deps.log(result.rulesProblem);
        rulesProblemSaid = result.rulesProblem !== null;
      } catch (error) {
        deps.log('The alert cycle failed', error);
      }
    }
    refresh();
    return result;
  }

  async function syncNow(): Promise<void> {
    if (!deps.syncNow || syncing) return;
    setSyncing(true);
    try {
      await deps.syncNow();
    } catch (error) {
      deps.log('Sync failed', error);
    } finally {
      setSyncing(false);
    }
  }

  function setSyncing(next: boolean): void {
    const ended = syncing && !next;
    syncing = next;
    if (ended) runCycle();
    else refresh();
  }

  const handle = timers.setInterval(() => runCycle(), ALERT_INTERVAL_MS);
  runCycle();
  const stop = (): void => {
    timers.clearInterval(handle);
    tray.destroy();
  };
  return { runCycle, refresh, setSyncing, currentView: () => view, stop };
}
