/**
 * The sync progress, told to the window (the push) and to whoever listens later: the data opens, and its first sync
 * starts, before the tray exists. The tray follows it, so it says "Syncing…" for every sync, the first one after a
 * key was stored too, not only the scheduler's.
 */
import type { SyncProgress } from '../../preload/contract';
import type { SyncScheduler } from './scheduler';
import type { TrayAndAlerts } from './tray/tray-and-alerts';

export interface ProgressRelay {
  report: (progress: SyncProgress) => void;
  listen: (listener: (progress: SyncProgress) => void) => void;
}

export function createProgressRelay(push: (progress: SyncProgress) => void): ProgressRelay {
  const listeners: Array<(progress: SyncProgress) => void> = [];
  let last: SyncProgress | null = null;
  return {
    report: (progress) => {
      last = progress;
      push(progress);
      for (const listener of listeners) listener(progress);
    },
    listen: (listener) => {
      listeners.push(listener);
      if (last) listener(last); // a sync already under way when the listener arrived
    },
  };
}

/** The tray's "syncing" follows every sync's progress; a scheduled sync still running keeps it on. */
export function followSyncProgress(
  progress: ProgressRelay,
  tray: Pick<TrayAndAlerts, 'setSyncing'>,
  scheduler: Pick<SyncScheduler, 'isSyncing'>,
): void {
  progress.listen((p) => tray.setSyncing(p.phase === 'running' || scheduler.isSyncing()));
}
