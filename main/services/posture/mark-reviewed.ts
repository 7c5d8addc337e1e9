/**
 * "The audit trail was reviewed": the checklist's audit-review item passes for `posture.auditReviewDays` after it.
 * The mark is a local event in the trail itself (type `audit.reviewed`), so the review is as tamper-evident as the
 * rest of the trail and the item reads its date from there; there is no second record to disagree with it.
 */
import type Database from 'better-sqlite3';
import { recordLocalAuditAction, type AuditStoreOptions } from '../../db/audit/append';
import { AUDIT_REVIEWED_TYPE, countAuditEvents, readLastAuditReviewMs } from '../../db/queries/posture';

export interface ReviewMark {
  reviewedAtMs: number;
  /** The mark before this one; null: the first review. */
  previousAtMs: number | null;
}

export function markAuditReviewed(
  db: Database.Database,
  nowMs: number,
  via: 'cli' | 'window',
  note: string | null = null,
  options?: AuditStoreOptions,
): ReviewMark {
  const previousAtMs = readLastAuditReviewMs(db);
  const count = countAuditEvents(db);
  recordLocalAuditAction(
    db,
    {
      type: AUDIT_REVIEWED_TYPE,
      atMs: nowMs,
      summary: `Marked the audit trail reviewed (${count} events)${note ? `: ${note}` : ''}`,
      targets: [{ type: 'audit-trail', name: 'audit trail' }],
      before: previousAtMs === null ? null : { reviewedAtMs: previousAtMs },
      after: { reviewedAtMs: nowMs, events: count, via, ...(note ? { note } : {}) },
    },
    options,
  );
  return { reviewedAtMs: nowMs, previousAtMs };
}
