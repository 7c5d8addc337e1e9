/** What `clade-admin status` shows: the org, when it was last synced, row counts and per-resource freshness. */
import type Database from 'better-sqlite3';
import { utcDay } from '../../core/time';
import { OrganizationRepo } from './organization-repo';
import { ReportRepo } from './report-repo';
import { SyncStateRepo } from './sync-state-repo';

export interface ResourceFreshness {
  resource: string;
  /** When this resource last completed a pass; null if it never did. */
  lastSyncedAtMs: number | null;
  rows: number;
  status: string | null;
  detail: string | null;
  /** Days of a report the API would not return whole (too_many_report_groups), each with the API's words. */
  incompleteDays: Array<{ day: string; message: string; requestId: string | null }>;
}

export interface MirrorStatus {
  org: { id: string; name: string } | null;
  syncedAtMs: number | null;
  counts: Record<string, number>;
  resources: ResourceFreshness[];
  credential: { status: 'valid' | 'invalid'; changedAtMs: number; detail: string | null } | null;
}

/** Resource → the table that holds its rows (tables a migration has not created yet count as 0). */
const RESOURCE_TABLES: ReadonlyArray<[string, string]> = [
  ['organization', 'organization'],
  ['users', 'users'],
  ['workspaces', 'workspaces'],
  ['workspace_members', 'workspace_members'],
  ['api_keys', 'api_keys'],
  ['invites', 'invites'],
  ['rate_limits', 'rate_limits'],
  ['workspace_rate_limits', 'workspace_rate_limits'],
  ['spend_limits', 'spend_limits'],
  ['spend_limits_effective', 'spend_limits_effective'],
  ['usage_hourly', 'usage_hourly'],
  ['usage_daily', 'usage_daily'],
  ['cost_daily', 'cost_daily'],
  ['claude_code_daily', 'claude_code_daily'],
];

export function readMirrorStatus(db: Database.Database): MirrorStatus {
  const org = new OrganizationRepo(db).get();
  const state = new SyncStateRepo(db);
  const states = state.states();
  const existing = new Set(
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  const incomplete = new ReportRepo(db).incompleteDays();
  const counts: Record<string, number> = {};
  const resources: ResourceFreshness[] = [];
  for (const [resource, table] of RESOURCE_TABLES) {
    if (!existing.has(table)) continue;
    // Table names come from the fixed list above, never from input.
    const rows = Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    counts[resource] = rows;
    const s = states.get(resource);
    resources.push({
      resource,
      lastSyncedAtMs: s?.lastCompleteAtMs ?? null,
      rows,
      status: s?.status ?? null,
      detail: s?.detail ?? null,
      incompleteDays: incomplete
        .filter((d) => d.resource === resource)
        .map((d) => ({ day: utcDay(d.dayMs), message: d.message, requestId: d.requestId })),
    });
  }
  return {
    org: org ? { id: org.id, name: org.name } : null,
    syncedAtMs: state.lastSuccessfulSyncAtMs(),
    counts,
    resources,
    credential: state.credential(),
  };
}
