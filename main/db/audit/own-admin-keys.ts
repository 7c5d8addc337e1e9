/**
 * Which admin key is this profile's own, as the Compliance feed names it. No Admin API endpoint tells the id of the
 * key a request came with, but every sync reads the cost and usage reports and the feed records each read with the
 * reading key's id. So a report read by an admin key that falls inside one of this mirror's own sync runs (with a
 * minute's margin for the clocks of the API and this machine) is ours; the ids are kept in the profile setting
 * `audit.ownAdminKeyIds` (a new key joins the list; the old one's reads stay ours).
 *
 * Limit: another tool reading the reports with another admin key during one of our syncs would be taken for us, and
 * its reads folded (never dropped: `self:show` and exports still list them).
 */
import type Database from 'better-sqlite3';
import type { AuditEventDraft } from '../../core/audit/event';
import { adminKeyReports } from '../../core/audit/self-views';
import { readProfileSetting, writeProfileSetting } from '../settings/profile-settings';

export const OWN_READ_MARGIN_MS = 60_000;

/** Adds the admin keys whose report reads in `drafts` fall inside our sync runs; call inside the page's transaction. */
export function learnOwnAdminKeys(db: Database.Database, drafts: readonly AuditEventDraft[], nowMs: number): void {
  const reads = adminKeyReports(drafts);
  if (reads.length === 0) return;
  const known = readProfileSetting(db, 'audit.ownAdminKeyIds');
  const inOurSync = db
    .prepare(`SELECT 1 FROM sync_runs WHERE ? BETWEEN started_at_ms - ? AND coalesce(finished_at_ms, ?) + ? LIMIT 1`)
    .pluck();
  const learnt = new Set(known);
  for (const read of reads) {
    if (learnt.has(read.keyId)) continue;
    if (inOurSync.get(read.atMs, OWN_READ_MARGIN_MS, nowMs, OWN_READ_MARGIN_MS) !== undefined) learnt.add(read.keyId);
  }
  if (learnt.size > known.length) writeProfileSetting(db, 'audit.ownAdminKeyIds', [...learnt], nowMs);
}

/** Our admin keys' ids; none on a database without profile settings (a bare audit store in tests). */
export function ownAdminKeyIds(db: Database.Database): string[] {
  const hasSettings = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'profile_settings'")
    .pluck()
    .get();
  return hasSettings === undefined ? [] : readProfileSetting(db, 'audit.ownAdminKeyIds');
}
