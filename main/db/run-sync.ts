/**
 * The thin db-backed runner of the sync engine: what the CLI and the app call.
 * `syncMirror(db, api, opts)` runs core/sync's engine over this mirror and returns its summary.
 */
import type { AdminApiPort, Clock } from '../core/ports';
import { runSync, type SyncOptions } from '../core/sync/engine';
import type { SyncSummary } from '../core/sync/summary';
import { SqliteMirrorStore } from './mirror-store';
import type { MirrorDb } from './open';

export type { SyncSummary, SyncProgress, ResourceSummary, SyncProblem } from '../core/sync/summary';

export interface SyncMirrorOptions extends SyncOptions {
  /** Defaults to the system clock. */
  clock?: Clock;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export function syncMirror(db: MirrorDb, api: AdminApiPort, opts: SyncMirrorOptions = {}): Promise<SyncSummary> {
  const { clock = systemClock, ...syncOptions } = opts;
  return runSync({ api, store: new SqliteMirrorStore(db), clock }, syncOptions);
}
