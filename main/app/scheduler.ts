/**
 * When the app syncs: every 15 minutes by default, on resume from sleep and on demand ("Sync now"),
 * never two at once — a request while a sync runs joins the running one. Plain timers, no Electron: the
 * composition root wires powerMonitor's `resume` to `trigger()`. The interval may be a function (the active
 * profile's `sync.intervalMinutes`): `reschedule()` re-reads it and re-arms the timer from now.
 */
import { DEFAULT_SYNC_INTERVAL_MS } from '../services/open-profile';

export { DEFAULT_SYNC_INTERVAL_MS };

export interface SyncSchedulerDeps {
  /** One sync; it reports its own progress. Errors are logged, never thrown at the timer. */
  sync: () => Promise<void>;
  /** Milliseconds between syncs, read at start and on every reschedule. */
  intervalMs?: number | (() => number);
  timers?: { setInterval(fn: () => void, ms: number): unknown; clearInterval(handle: unknown): void };
  onSyncingChanged?: (syncing: boolean) => void;
  log: (message: string, error?: unknown) => void;
}

export interface SyncScheduler {
  start(): void;
  /** Syncs now unless a sync is running, in which case it resolves when that one ends. */
  trigger(): Promise<void>;
  isSyncing(): boolean;
  /** Re-reads the interval and, when started, re-arms the timer with it (the next sync is one interval from now). */
  reschedule(): void;
  stop(): void;
}

export function createSyncScheduler(deps: SyncSchedulerDeps): SyncScheduler {
  const timers = deps.timers ?? {
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
  };
  let running: Promise<void> | null = null;
  let handle: unknown = null;

  function trigger(): Promise<void> {
    if (running) return running;
    deps.onSyncingChanged?.(true);
    running = deps
      .sync()
      .catch((error: unknown) => {
        deps.log('A scheduled sync failed; the mirror keeps what it had', error);
      })
      .finally(() => {
        running = null;
        deps.onSyncingChanged?.(false);
      });
    return running;
  }

  const intervalMs = (): number => {
    const value = typeof deps.intervalMs === 'function' ? deps.intervalMs() : deps.intervalMs;
    return value !== undefined && Number.isFinite(value) && value > 0 ? value : DEFAULT_SYNC_INTERVAL_MS;
  };
  const stop = (): void => {
    if (handle !== null) timers.clearInterval(handle);
    handle = null;
  };
  const arm = (): void => {
    handle = timers.setInterval(() => void trigger(), intervalMs());
  };

  return {
    start() {
      if (handle === null) arm();
    },
    trigger,
    isSyncing: () => running !== null,
    reschedule() {
      if (handle === null) return;
      stop();
      arm();
    },
    stop,
  };
}
