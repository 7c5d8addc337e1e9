import type Database from 'better-sqlite3';
import { purgeAction, normaliseLocalAction } from '../../core/audit/normalise-local';
import type { AuditAnchor } from '../../core/audit/verify';
import type { AuditStoreOptions } from './append';
import { appendInTransaction, confirmHead, resolveAuditOptions } from './append';

export interface AuditPurgeResult {
  removed: number;
  /** The anchor this purge left, or null when there was nothing to remove. */
  anchor: AuditAnchor | null;
}

/**
 * Retention: removes the oldest events recorded before `cutoffMs`. Only a PREFIX of the chain can go (the chain
 * must still verify from where it now starts), so an old event recorded after a newer one (a late feed activity)
 * stays until everything before it is past the cutoff too. In one transaction: open the purge guard up to the last
 * removed id, delete, close the guard, leave an anchor with that event's hash, and record the purge in the trail.
 */
export function purgeAuditOlderThan(
  db: Database.Database,
  cutoffMs: number,
  options: AuditStoreOptions = {},
): AuditPurgeResult {
  const resolved = resolveAuditOptions(db, options);
  const nested = db.inTransaction;
  let outcome: ReturnType<typeof appendInTransaction> | null = null;
  const purge = db.transaction((): AuditPurgeResult => {
    const bounds = db.prepare('SELECT min(id) AS first, max(id) AS last FROM audit_events').get() as {
      first: number | null;
      last: number | null;
    };
    if (bounds.first === null || bounds.last === null) return { removed: 0, anchor: null };
    const firstKept = db.prepare('SELECT min(id) FROM audit_events WHERE at_ms >= ?').pluck().get(cutoffMs) as
      number | null;
    const throughId = firstKept === null ? bounds.last : firstKept - 1;
    if (throughId < bounds.first) return { removed: 0, anchor: null };
    const throughHash = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck().get(throughId) as string;
    const removed = throughId - bounds.first + 1;

    db.prepare('UPDATE audit_purge_guard SET through_id = ? WHERE id = 1').run(throughId);
    db.prepare('DELETE FROM audit_events WHERE id <= ?').run(throughId);
    db.prepare('UPDATE audit_purge_guard SET through_id = NULL WHERE id = 1').run();
    const purgedAtMs = resolved.now();
    db.prepare(
      `INSERT INTO audit_anchors (purged_at_ms, cutoff_ms, removed_count, removed_total, through_id, through_hash)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(purgedAtMs, cutoffMs, removed, throughId, throughId, throughHash);

    const record = purgeAction({ atMs: purgedAtMs, cutoffMs, removedCount: removed, throughId, throughHash });
    outcome = appendInTransaction(db, [normaliseLocalAction(record)], resolved, nested);
    return { removed, anchor: { throughId, throughHash, removedTotal: throughId } };
  });
  const result = purge.immediate();
  if (outcome !== null && !nested) confirmHead(resolved, outcome);
  return result;
}

/** Keep N days (null: forever, the default). Returns null when retention is off. */
export function applyAuditRetention(
  db: Database.Database,
  keepDays: number | null,
  options: AuditStoreOptions = {},
): AuditPurgeResult | null {
  if (keepDays === null) return null;
  if (!Number.isInteger(keepDays) || keepDays < 1)
    throw new Error(`audit retention must be a whole number of days ≥ 1, got ${keepDays}`);
  const now = resolveAuditOptions(db, options).now();
  return purgeAuditOlderThan(db, now - keepDays * 86_400_000, options);
}
