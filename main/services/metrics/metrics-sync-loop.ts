/**
 * `serve-metrics --sync-every N`: keep the mirror synced and the alerts evaluated, so a server or container can run
 * headless. Each cycle runs the one sync service (services/sync/sync-profile.ts, handed in as `sync` with its alert
 * step off), then the alert evaluation every sync ends with (recordAlertCycleAfterSync: episodes recorded, never
 * marked notified), counts the cycle's API requests for `clade_admin_sync_requests_total`, and calls `afterCycle`.
 *
 * `afterCycle` is THE place for deliveries that follow an alert cycle (team webhooks): it receives the recorded
 * cycle (its reconciliation says what is due) and the open mirror. A cycle starts only after the previous one ended
 * (no overlap), the first at once; a failure is reported and the loop goes on at the next interval.
 */
import type { MirrorDb } from '../../db/open';
import { recordAlertCycleAfterSync, type RecordedCycle } from '../alerts/evaluate-alerts';
import type { SyncSummary } from '../sync/sync-mirror';
import type { ProcessCounters } from './metrics-snapshot';

export interface MetricsCycleResult {
  db: MirrorDb;
  nowMs: number;
  summary: SyncSummary;
  alerts: RecordedCycle;
}

export interface MetricsSyncLoopOptions {
  db: MirrorDb;
  everyMs: number;
  /** One sync of `db` through syncProfile, with `alerts: false` (this loop evaluates them itself, once). */
  sync: () => Promise<SyncSummary>;
  /** The zone for quiet hours and texts (the system's unless the admin pinned one). */
  timeZone: string;
  counters: ProcessCounters;
  now?: () => number;
  /** Called after each cycle's alerts are recorded: the hook for webhook delivery. Its failure is reported. */
  afterCycle?: (result: MetricsCycleResult) => Promise<void> | void;
  onCycle?: (result: MetricsCycleResult) => void;
  onError?: (error: unknown) => void;
}

export interface MetricsSyncLoop {
  /** Resolves once the cycle in progress (if any) has ended; no cycle starts after. */
  stop(): Promise<void>;
  /** The cycle in progress or the last one (tests wait on it). */
  current(): Promise<void>;
}

export async function runMetricsCycle(options: MetricsSyncLoopOptions): Promise<MetricsCycleResult> {
  const now = options.now ?? Date.now;
  const summary = await options.sync();
  options.counters.syncRequests += summary.requests;
  const nowMs = now();
  const alerts = recordAlertCycleAfterSync(options.db, nowMs, options.timeZone);
  const result = { db: options.db, nowMs, summary, alerts };
  await options.afterCycle?.(result);
  return result;
}

export function startMetricsSyncLoop(options: MetricsSyncLoopOptions): MetricsSyncLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const cycle = () => {
    timer = null;
    running = runMetricsCycle(options)
      .then((result) => options.onCycle?.(result))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(cycle, options.everyMs);
      });
  };
  cycle();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    current: () => running,
  };
}
