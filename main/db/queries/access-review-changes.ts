/**
 * The access review's "changes in the period": membership and role events of the audit trail, as the sync journal
 * (differences between two syncs: users, invites, workspace members) and the Compliance feed (org_user_*,
 * platform_workspace_member_*; admin-api.md §5) recorded them. The admin's own actions (source `local`) are not
 * membership facts and stay out; where both feeds saw one change, both lines are shown with their source.
 */
import type Database from 'better-sqlite3';
import type { ReviewChange } from '../../core/review/access-review';

const MEMBERSHIP_TYPES = `(
  (source = 'journal' AND (type LIKE 'user.%' OR type LIKE 'invite.%' OR type LIKE 'workspace_member.%'))
  OR (source = 'compliance' AND (type LIKE 'org_user%' OR type LIKE 'platform_workspace_member%'))
)`;

export function readReviewChanges(db: Database.Database, fromMs: number, toExclusiveMs: number): ReviewChange[] {
  const rows = db
    .prepare(
      `SELECT at_ms AS atMs, source, type, coalesce(actor_email, actor_name) AS actor, summary
       FROM audit_events
       WHERE at_ms >= ? AND at_ms < ? AND ${MEMBERSHIP_TYPES}
       ORDER BY at_ms, id`,
    )
    .all(fromMs, toExclusiveMs) as Array<{
    atMs: number;
    source: 'journal' | 'compliance';
    type: string;
    actor: string | null;
    summary: string;
  }>;
  return rows;
}
