/**
 * The thin db-backed runner of the sync engine: what the CLI and the app call.
 * `syncMirror(db, api, opts)` takes the profile lock (one syncer per mirror), runs core/sync's engine over this
 * mirror, then brings the audit trail up to date (the Compliance API feed when a feed client is given, then the
 * journal without the changes the feed already recorded, then the profile's retention), records the alert episodes
 * the synced mirror gives, and returns the summary.
 */
import type { ComplianceFeedPort } from '../../core/audit/compliance-feed';
import { COMPLIANCE_RESOURCE, withComplianceIngest } from '../../core/audit/compliance-summary';
import type { AdminApiPort, Clock } from '../../core/ports';
import { runSync, type SyncOptions } from '../../core/sync/engine';
import { systemTimeZone } from '../../core/time';
import type { SyncSummary } from '../../core/sync/summary';
import { SqliteMirrorStore } from '../../db/mirror-store';
import type { MirrorDb } from '../../db/open';
import { withProfileLock, type LockOptions } from '../../db/profile-lock';
import { applyAuditRetention, catchUpJournalIntoAudit } from '../../db/audit/index';
import { ingestComplianceFeed } from '../../db/audit/compliance-ingest';
import { describeFromMirror } from '../../db/audit/describe-from-mirror';
import { feedActivityMatcher } from '../../db/audit/journal-feed-match';
import { recordAlertCycleAfterSync } from '../alerts/evaluate-alerts';
import { evaluateAndRecordPosture } from '../posture/evaluate-posture';
import { JournalRepo } from '../../db/repos/journal-repo';
import { readProfileSetting } from '../../db/settings/profile-settings';
import { openPageWriter, type WriterMode } from './page-writer';
import { asStorageError } from '../../db/storage-errors';
import { resolveOffboardingConsoleSteps } from '../offboarding/resolve-console-steps';

export type { SyncSummary, SyncProgress, ResourceSummary, SyncProblem } from '../../core/sync/summary';
export { ProfileLockedError } from '../../db/profile-lock';

export interface SyncMirrorOptions extends SyncOptions {
  /** Defaults to the system clock. */
  clock?: Clock;
  /**
   * The per-profile lock (default: holder "clade-admin", no waiting: a second syncer fails with
   * ProfileLockedError naming the holder). `false` skips it (the caller already holds it).
   */
  lock?: LockOptions | false;
  /**
   * The Compliance API activity feed client (adapters/compliance-feed.ts `createComplianceFeed`, same key and base
   * URL as `api`). Absent: the trail has only the journal and local actions.
   */
  compliance?: ComplianceFeedPort | null;
  /** Activities per feed page (default the feed's maximum). */
  compliancePageLimit?: number;
  /**
   * After the sync, the alert rules are evaluated and the episodes recorded (never marked notified: the app's
   * notifier does that), so `alerts`, the tray and the window agree straight away. The zone for quiet hours and
   * texts defaults to the system's; `false` skips it (tests of the sync alone).
   */
  alerts?: { timeZone: string } | false;
  /**
   * Where pages are converted and written (page-writer.ts): by default a worker thread for a mirror file, so this
   * thread reads the next page meanwhile.
   */
  writer?: WriterMode;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export async function syncMirror(db: MirrorDb, api: AdminApiPort, opts: SyncMirrorOptions = {}): Promise<SyncSummary> {
  const {
    clock = systemClock,
    lock = { holder: 'clade-admin' },
    compliance = null,
    compliancePageLimit,
    alerts = { timeZone: systemTimeZone() },
    writer: writerMode = 'auto',
    ...syncOptions
  } = opts;
  const run = async () => {
    const store = new SqliteMirrorStore(db);
    const writer = await openPageWriter(db, store, writerMode, (why) =>
      process.emitWarning(`${why}; this sync writes in the main thread`, { code: 'CLADE_SYNC_WRITER' }),
    );
    let summary: SyncSummary;
    try {
      summary = await runSync({ api, store, clock, writer }, syncOptions);
    } finally {
      await writer.close();
    }
    // The feed first, then the journal: a change the feed records (with its actor) is then already in the trail, and
    // the journal's copy of it is left out (journal-feed-match.ts), so an admin sees each change once. Only a feed
    // read to its end in this sync does that; refused, skipped or failed, every journal event is kept (twice is
    // better than never). The feed only after a sync that reached the API with a working key.
    let feedRead = false;
    if (compliance && (summary.status === 'ok' || summary.status === 'partial')) {
      const ingest = await ingestComplianceFeed(db, compliance, {
        now: () => clock.now(),
        full: syncOptions.full ?? false,
        ...(compliancePageLimit !== undefined ? { pageLimit: compliancePageLimit } : {}),
        verifyKey: async () => void (await api.organization()),
        onPage: (page, rows) => syncOptions.onProgress?.({ resource: COMPLIANCE_RESOURCE, page, rows }),
      });
      summary = withComplianceIngest(summary, ingest);
      const feed = summary.resources[summary.resources.length - 1];
      if (feed) syncOptions.onResourceDone?.(feed);
      if (ingest.outcome === 'credential_invalid')
        store.markCredentialInvalid(clock.now(), summary.detail ?? 'the admin key was refused');
      feedRead = ingest.outcome === 'ingested';
    }
    // Every change the sync journaled joins the audit trail (idempotent: the trail keeps its own mark).
    const journal = new JournalRepo(db);
    const coveredByFeed = feedRead ? feedActivityMatcher(db, () => clock.now()) : null;
    catchUpJournalIntoAudit(db, (afterId) => journal.listAfter(afterId), describeFromMirror(db), {}, coveredByFeed);
    // An org admin's offboarding waits for the Console: a sync that no longer lists them finishes it.
    resolveOffboardingConsoleSteps(db, clock.now());
    applyAuditRetention(db, readProfileSetting(db, 'audit.retentionDays'), { now: () => clock.now() });
    if (alerts) {
      recordAlertCycleAfterSync(db, clock.now(), alerts.timeZone);
      // The day's checklist score, so the Posture trend has a point for every day the mirror was synced.
      evaluateAndRecordPosture(db, clock.now(), 1);
    }
    return summary;
  };
  // A file problem anywhere (the run's bookkeeping, the trail, the alerts) is said as one: what, where, what to do.
  const said = (error: unknown): never => {
    throw asStorageError(error, db.name) ?? error;
  };
  if (lock === false || db.memory || !db.name) return run().catch(said);
  return withProfileLock(db.name, lock, run).catch(said);
}
