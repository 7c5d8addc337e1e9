/**
 * Since when each admin is admin: the latest change that gave them an admin role (admin, owner, primary owner),
 * as the sync journal saw it (a role change between two syncs, or a member who joined as admin) or as the
 * compliance feed recorded it (`org_user_role_updated`, admin-api.md §5; the sandbox records `updates.role`).
 *
 * The feed says when the change happened; the journal only which sync saw it. When both saw the same change (the
 * feed's time falls after the sync before the journal's), the feed's time wins.
 */
import type Database from 'better-sqlite3';
import type { AdminSince } from '../../../preload/contract-people';
import { isAdminRole } from '../../core/org/org-roles';

interface JournalPromotion {
  atMs: number;
  /** The sync before the one that saw it finished here: the change happened after. */
  afterMs: number | null;
}

export function readAdminPromotions(db: Database.Database): Map<string, AdminSince> {
  const journal = readJournalPromotions(db);
  const feed = readFeedPromotions(db);
  const out = new Map<string, AdminSince>();
  for (const userId of new Set([...journal.keys(), ...feed.keys()])) {
    const seen = journal.get(userId);
    const recorded = feed.get(userId);
    if (recorded !== undefined && (seen === undefined || recorded > (seen.afterMs ?? -Infinity)))
      out.set(userId, { atMs: recorded, source: 'compliance' });
    else if (seen !== undefined) out.set(userId, { atMs: seen.atMs, source: 'journal' });
  }
  return out;
}

function readJournalPromotions(db: Database.Database): Map<string, JournalPromotion> {
  const rows = db
    .prepare(
      `SELECT j.entity_key AS userId, j.kind, j.at_ms AS atMs, j.detail_json AS detailJson,
              (SELECT max(r.finished_at_ms) FROM sync_runs r
               WHERE r.id < j.run_id AND r.status IN ('ok', 'partial')) AS afterMs
       FROM journal_events j
       WHERE j.resource = 'users' AND j.kind IN ('created', 'changed')
       ORDER BY j.at_ms, j.id`,
    )
    .all() as Array<{ userId: string; kind: string; atMs: number; detailJson: string; afterMs: number | null }>;
  const out = new Map<string, JournalPromotion>();
  for (const row of rows) {
    const detail = JSON.parse(row.detailJson) as Record<string, unknown>;
    if (!becameAdmin(row.kind, detail)) continue;
    // One who joined as admin has been admin since they joined (the API's added_at), not since the sync saw it.
    const joinedAtMs = row.kind === 'created' && typeof detail.added_at_ms === 'number' ? detail.added_at_ms : null;
    out.set(row.userId, { atMs: joinedAtMs ?? row.atMs, afterMs: row.afterMs });
  }
  return out;
}

/** Created as admin, or changed from a non-admin role to an admin one (`{role: {before, after}}`). */
function becameAdmin(kind: string, detail: Record<string, unknown>): boolean {
  if (kind === 'created') return isAdminRole(detail.role as string | undefined);
  const role = detail.role as { before?: unknown; after?: unknown } | undefined;
  if (!role || typeof role !== 'object') return false;
  return isAdminRole(role.after as string | undefined) && !isAdminRole(role.before as string | undefined);
}

function readFeedPromotions(db: Database.Database): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT json_extract(raw_json, '$.user_id') AS userId, at_ms AS atMs,
              json_extract(raw_json, '$.updates.role.current') AS current,
              json_extract(raw_json, '$.updates.role.previous') AS previous
       FROM audit_events
       WHERE source = 'compliance' AND type IN ('org_user_role_updated', 'org_user_updated') AND raw_json IS NOT NULL
       ORDER BY at_ms, id`,
    )
    .all() as Array<{ userId: unknown; atMs: number; current: unknown; previous: unknown }>;
  const out = new Map<string, number>();
  for (const row of rows) {
    if (typeof row.userId !== 'string' || typeof row.current !== 'string') continue;
    if (isAdminRole(row.current) && !isAdminRole(typeof row.previous === 'string' ? row.previous : null))
      out.set(row.userId, row.atMs);
  }
  return out;
}
