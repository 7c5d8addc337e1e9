/**
 * The thin db-backed runner of the sync engine: what the CLI and the app call.
 * `syncMirror(db, api, opts)` takes the profile lock (one syncer per mirror), runs core/sync's engine over this
 * mirror and returns its summary.
 */
import type { AdminApiPort, Clock } from '../core/ports';
import { runSync, type SyncOptions } from '../core/sync/engine';
import type { SyncSummary } from '../core/sync/summary';
import { SqliteMirrorStore } from './mirror-store';
import type { MirrorDb } from './open';
import { withProfileLock, type LockOptions } from './profile-lock';
import { catchUpJournalIntoAudit } from './audit/index';
import { describeFromMirror } from './audit/describe-from-mirror';
import { JournalRepo } from './repos/journal-repo';

export type { SyncSummary, SyncProgress, ResourceSummary, SyncProblem } from '../core/sync/summary';
export { ProfileLockedError } from './profile-lock';

export interface SyncMirrorOptions extends SyncOptions {
  /** Defaults to the system clock. */
  clock?: Clock;
  /**
   * The per-profile lock (default: holder "clade-admin", no waiting: a second syncer fails with
   * ProfileLockedError naming the holder). `false` skips it (the caller already holds it).
   */
  lock?: LockOptions | false;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export async function syncMirror(db: MirrorDb, api: AdminApiPort, opts: SyncMirrorOptions = {}): Promise<SyncSummary> {
  const { clock = systemClock, lock = { holder: 'clade-admin' }, ...syncOptions } = opts;
  const run = async () => {
    const summary = await runSync({ api, store: new SqliteMirrorStore(db), clock }, syncOptions);
    // Every change the sync journaled joins the audit trail (idempotent: the trail keeps its own mark).
    const journal = new JournalRepo(db);
    catchUpJournalIntoAudit(db, (afterId) => journal.listAfter(afterId), describeFromMirror(db));
    return summary;
  };
  if (lock === false || db.memory || !db.name) return run();
  return withProfileLock(db.name, lock, run);
}
