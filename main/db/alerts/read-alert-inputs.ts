/**
 * The alert core's view of the mirror (core/alerts `AlertInputs`), read from the tables the sync engine writes.
 * Money stays BigInt nanocents (safeIntegers); times stay epoch ms.
 *
 * The default workspace: the newer API lists it with a real id (stored with `is_default = 1`) and keys carry
 * that id in their scope, while the cost report still writes `workspace_id: null` for it. Cost rows and legacy
 * keys with no workspace are mapped onto that id when the mirror knows it, so a budget, a limit, a key and the
 * spend of the default workspace all meet under one key. Without a known default workspace they stay null
 * (the core's "default" key).
 */
import type Database from 'better-sqlite3';
import type {
  AlertApiKey,
  AlertInputs,
  AlertInvite,
  AlertInviteStatus,
  AlertJournalEvent,
  AlertKeyStatus,
  AlertRules,
  AlertUser,
  AlertWorkspace,
} from '../../core/alerts/index';
import { readDailyCost, readMonthlySpendLimits } from '../queries/spend';
import { OrganizationRepo } from '../repos/organization-repo';
import { SyncStateRepo } from '../repos/sync-state-repo';

const DAY_MS = 86_400_000;
/** Cost days read back from now at least: the defaults' forecast and anomaly history fit in 35 days. */
const MIN_COST_DAYS = 35;

const KEY_STATUSES = new Set<string>(['active', 'inactive', 'archived', 'expired']);
const INVITE_STATUSES = new Set<string>(['pending', 'accepted', 'expired', 'deleted']);

export function readAlertInputs(db: Database.Database, nowMs: number, rules: AlertRules): AlertInputs {
  const defaultWorkspaceId = readDefaultWorkspaceId(db);
  const state = new SyncStateRepo(db);
  const org = new OrganizationRepo(db).get();
  return {
    // An empty mirror still evaluates (to "no data", check's exit 3); the name appears only in that text.
    org: org ? { id: org.id, name: org.name } : { id: 'unknown', name: 'this profile' },
    workspaces: readWorkspaces(db),
    keys: readKeys(db, defaultWorkspaceId),
    users: readUsers(db),
    invites: readInvites(db),
    dailyCost: readDailyCost(db, costWindowStartMs(nowMs, rules), nowMs, defaultWorkspaceId),
    spendLimits: readMonthlySpendLimits(db),
    journal: readJournal(db, nowMs - rules.people.recentChangeDays * DAY_MS, nowMs),
    sync: state.alertSyncState(),
  };
}

/**
 * The rules as they apply to this mirror: settings written for the id-less default workspace (`default`, the
 * older API's reading) also apply to the default workspace's real id when the mirror knows it, since the reader
 * files its keys and cost under that id.
 */
export function rulesForMirror(db: Database.Database, rules: AlertRules): AlertRules {
  const defaultId = readDefaultWorkspaceId(db);
  const budget = rules.budgets.workspaceMonthlyUsd['default'];
  const listed = rules.production.workspaceIds.includes('default');
  if (defaultId === null || (budget === undefined && !listed)) return rules;
  return {
    ...rules,
    budgets: {
      ...rules.budgets,
      workspaceMonthlyUsd:
        budget === undefined || defaultId in rules.budgets.workspaceMonthlyUsd
          ? rules.budgets.workspaceMonthlyUsd
          : { ...rules.budgets.workspaceMonthlyUsd, [defaultId]: budget },
    },
    production: {
      ...rules.production,
      workspaceIds:
        listed && !rules.production.workspaceIds.includes(defaultId)
          ? [...rules.production.workspaceIds, defaultId]
          : rules.production.workspaceIds,
    },
  };
}

/** The first instant of cost the rules need: the UTC month so far, and the forecast's and anomaly's history. */
export function costWindowStartMs(nowMs: number, rules: AlertRules): number {
  const now = new Date(nowMs);
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.max(
    MIN_COST_DAYS,
    rules.forecast.historyDays + 1,
    rules.anomaly.trailingDays + rules.anomaly.lookbackDays + 1,
  );
  return Math.min(monthStart, todayStart - days * DAY_MS);
}

/** The name of a mirrored workspace, or null when the mirror does not hold it. */
export function readWorkspaceName(db: Database.Database, id: string): string | null {
  const row = db.prepare(`SELECT name FROM workspaces WHERE id = ?`).get(id) as { name: string } | undefined;
  return row?.name ?? null;
}

export function readDefaultWorkspaceId(db: Database.Database): string | null {
  const row = db.prepare(`SELECT id FROM workspaces WHERE is_default = 1 ORDER BY id LIMIT 1`).get() as
    { id: string } | undefined;
  return row?.id ?? null;
}

function readWorkspaces(db: Database.Database): AlertWorkspace[] {
  const rows = db
    .prepare(`SELECT id, name, archived_at_ms, tags_json FROM workspaces ORDER BY name, id`)
    .all() as Array<{
    id: string;
    name: string;
    archived_at_ms: number | null;
    tags_json: string;
  }>;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    tags: parseTags(row.tags_json),
    archivedAtMs: row.archived_at_ms,
  }));
}

/** The stored tags object; anything but an object of strings reads as no tags (the production rule still matches names). */
function parseTags(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function readKeys(db: Database.Database, defaultWorkspaceId: string | null): AlertApiKey[] {
  const rows = db
    .prepare(
      `SELECT k.id, k.name, k.status, k.workspace_id, k.scope_type, k.created_at_ms, k.expires_at_ms, k.created_by_id,
              k.created_by_type, u.last_day_ms
       FROM api_keys k LEFT JOIN (
         SELECT api_key_id, MAX(bucket_start_ms) AS last_day_ms FROM usage_daily
         WHERE api_key_id IS NOT NULL AND (uncached_input_tokens + cache_creation_1h_input_tokens
           + cache_creation_5m_input_tokens + cache_read_input_tokens + output_tokens + web_search_requests) > 0
         GROUP BY api_key_id
       ) u ON u.api_key_id = k.id
       ORDER BY k.name, k.id`,
    )
    .all() as Array<{
    id: string;
    name: string;
    status: string;
    workspace_id: string | null;
    scope_type: string | null;
    created_at_ms: number;
    expires_at_ms: number | null;
    created_by_id: string | null;
    created_by_type: string | null;
    last_day_ms: number | null;
  }>;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    // A status a later API adds is not "active": no active-key rule applies to it.
    status: (KEY_STATUSES.has(row.status) ? row.status : 'inactive') as AlertKeyStatus,
    // Legacy shape (no scope): null means the default workspace. Current shape: null means organization scope.
    workspaceId: row.workspace_id ?? (row.scope_type === null ? defaultWorkspaceId : null),
    createdAtMs: row.created_at_ms,
    expiresAtMs: row.expires_at_ms,
    createdByUserId: row.created_by_type === 'user' ? row.created_by_id : null,
    lastUsedDay: row.last_day_ms === null ? null : new Date(row.last_day_ms).toISOString().slice(0, 10),
  }));
}

function readUsers(db: Database.Database): AlertUser[] {
  const rows = db.prepare(`SELECT id, name, email, role, added_at_ms FROM users ORDER BY email, id`).all() as Array<{
    id: string;
    name: string;
    email: string;
    role: string;
    added_at_ms: number;
  }>;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    addedAtMs: row.added_at_ms,
  }));
}

function readInvites(db: Database.Database): AlertInvite[] {
  const rows = db
    .prepare(`SELECT id, email, role, status, invited_at_ms, expires_at_ms FROM invites ORDER BY email, id`)
    .all() as Array<{
    id: string;
    email: string;
    role: string;
    status: string;
    invited_at_ms: number;
    expires_at_ms: number;
  }>;
  return rows
    .filter((row) => INVITE_STATUSES.has(row.status))
    .map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      status: row.status as AlertInviteStatus,
      invitedAtMs: row.invited_at_ms,
      expiresAtMs: row.expires_at_ms,
    }));
}

type JournalValue = string | number | boolean | null;

/** Journal events in [fromMs, toMs], in the sync journal's own terms: `<resource>.<kind>`, entity key as target. */
function readJournal(db: Database.Database, fromMs: number, toMs: number): AlertJournalEvent[] {
  const rows = db
    .prepare(
      `SELECT at_ms, resource, entity_key, kind, detail_json FROM journal_events
       WHERE at_ms >= ? AND at_ms <= ? ORDER BY at_ms, id`,
    )
    .all(fromMs, toMs) as Array<{
    at_ms: number;
    resource: string;
    entity_key: string;
    kind: string;
    detail_json: string;
  }>;
  return rows.map((row) => {
    const detail = JSON.parse(row.detail_json) as Record<string, unknown>;
    const sides = splitDetail(row.kind, detail);
    return { atMs: row.at_ms, kind: `${row.resource}.${row.kind}`, targetId: row.entity_key, ...sides };
  });
}

function scalar(value: unknown): JournalValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
    ? value
    : JSON.stringify(value);
}

/** created: the row is `after`; removed: the row is `before`; changed: each field's before/after split in two. */
function splitDetail(kind: string, detail: Record<string, unknown>): Pick<AlertJournalEvent, 'before' | 'after'> {
  const row = Object.fromEntries(Object.entries(detail).map(([field, value]) => [field, scalar(value)]));
  if (kind === 'created') return { before: null, after: row };
  if (kind === 'removed') return { before: row, after: null };
  const before: Record<string, JournalValue> = {};
  const after: Record<string, JournalValue> = {};
  for (const [field, change] of Object.entries(detail)) {
    const pair = typeof change === 'object' && change !== null ? (change as { before?: unknown; after?: unknown }) : {};
    before[field] = scalar(pair.before ?? null);
    after[field] = scalar(pair.after ?? null);
  }
  return { before, after };
}
