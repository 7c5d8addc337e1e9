/**
 * The people read model: who is in the org (org role, member since, admin since, workspaces, active keys they
 * created, last Claude Code day) and the invites (age, expiry). The CLI's `users` and `invites` and the window's
 * People view both ask it. Reads the mirror only.
 */
import type Database from 'better-sqlite3';
import type { AdminSince, Invite, People, Person } from '../../../preload/contract-people';
import { wholeDaysBetween } from '../../core/alerts/evaluators/shared';
import { INVITE_STATUSES, isAdminRole, orgRoleRank } from '../../core/org/org-roles';
import { readAdminPromotions } from './people-admin-since';
import { tableExists } from './key-inventory';
import { queryClaudeCodeReport } from './claude-code-report';
import { DAY_MS } from '../../core/time';

interface UserSqlRow {
  id: string;
  email: string;
  name: string;
  role: string;
  addedAtMs: number;
}

export function readPeople(db: Database.Database, nowMs: number): People {
  const firstSyncAtMs = readFirstSyncAtMs(db);
  const users = db.prepare(`SELECT id, email, name, role, added_at_ms AS addedAtMs FROM users`).all() as UserSqlRow[];
  const workspaces = readWorkspacesByUser(db);
  const keys = readActiveKeysByCreator(db);
  const claudeCode = readLastClaudeCodeDay(db);
  const claudeCode30d = readClaudeCodeLast30Days(db, nowMs);
  const promotions = readAdminPromotions(db);
  const members = users.map((user): Person => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    addedAtMs: user.addedAtMs,
    adminSince: isAdminRole(user.role) ? adminSince(promotions.get(user.id), firstSyncAtMs) : null,
    workspaces: workspaces.get(user.id) ?? [],
    keysCreated: keys.get(user.id) ?? [],
    lastClaudeCodeDayMs: claudeCode.get(user.email.toLowerCase()) ?? null,
    claudeCode30d: claudeCode30d.get(user.email.toLowerCase()) ?? null,
  }));
  members.sort(
    (a, b) => orgRoleRank(a.role) - orgRoleRank(b.role) || a.email.localeCompare(b.email) || a.id.localeCompare(b.id),
  );
  return { firstSyncAtMs, members, invites: readInvites(db, nowMs) };
}

/**
 * Each member's Claude Code activity over the 30 UTC days up to `nowMs`, as `report claude-code --group-by user`
 * sums it (one truth: the same query), keyed by lower-cased e-mail.
 */
function readClaudeCodeLast30Days(db: Database.Database, nowMs: number): Map<string, Person['claudeCode30d']> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const report = queryClaudeCodeReport(db, { from: day(nowMs - 29 * DAY_MS), to: day(nowMs), groupBy: 'user' });
  const out = new Map<string, Person['claudeCode30d']>();
  for (const row of report.rows) {
    if (!('actor' in row) || row.actor.type !== 'user_actor') continue;
    out.set(row.actor.email_address.toLowerCase(), {
      daysActive: row.days_active,
      sessions: row.num_sessions,
      linesAdded: row.lines_of_code.added,
      linesRemoved: row.lines_of_code.removed,
      commits: row.commits_by_claude_code,
      pullRequests: row.pull_requests_by_claude_code,
      estimatedCostCents: row.estimated_cost.amount_cents,
    });
  }
  return out;
}

/** The change that made them admin; without one, they were admin when the mirror first synced. */
function adminSince(promotionAtMs: AdminSince | undefined, firstSyncAtMs: number | null): AdminSince | null {
  if (promotionAtMs) return promotionAtMs;
  return firstSyncAtMs === null ? null : { atMs: firstSyncAtMs, source: 'before-first-sync' };
}

/** When the first sync that got through the core resources finished (the journal starts there). */
function readFirstSyncAtMs(db: Database.Database): number | null {
  const row = db.prepare(`SELECT min(finished_at_ms) AS at FROM sync_runs WHERE status IN ('ok', 'partial')`).get() as {
    at: number | null;
  };
  return row.at;
}

function readWorkspacesByUser(db: Database.Database): Map<string, Person['workspaces']> {
  const rows = db
    .prepare(
      `SELECT m.user_id AS userId, m.workspace_id AS id, coalesce(w.name, m.workspace_id) AS name,
              m.workspace_role AS role
       FROM workspace_members m LEFT JOIN workspaces w ON w.id = m.workspace_id
       ORDER BY name COLLATE NOCASE, m.workspace_id`,
    )
    .all() as Array<{ userId: string; id: string; name: string; role: string }>;
  return groupBy(
    rows,
    (row) => row.userId,
    ({ id, name, role }) => ({ id, name, role }),
  );
}

function readActiveKeysByCreator(db: Database.Database): Map<string, Person['keysCreated']> {
  const rows = db
    .prepare(
      `SELECT created_by_id AS userId, id, name FROM api_keys
       WHERE status = 'active' AND created_by_type = 'user' AND created_by_id IS NOT NULL
       ORDER BY name COLLATE NOCASE, id`,
    )
    .all() as Array<{ userId: string; id: string; name: string }>;
  return groupBy(
    rows,
    (row) => row.userId,
    ({ id, name }) => ({ id, name }),
  );
}

/** Claude Code reports name a person by e-mail (`user_actor`), not by user id; matched case-insensitively. */
function readLastClaudeCodeDay(db: Database.Database): Map<string, number> {
  if (!tableExists(db, 'claude_code_daily')) return new Map();
  const rows = db
    .prepare(
      `SELECT lower(actor_id) AS email, max(bucket_start_ms) AS lastDayMs FROM claude_code_daily
       WHERE actor_type = 'user_actor' GROUP BY lower(actor_id)`,
    )
    .all() as Array<{ email: string; lastDayMs: number }>;
  return new Map(rows.map((row) => [row.email, row.lastDayMs]));
}

function readInvites(db: Database.Database, nowMs: number): Invite[] {
  const rows = db
    .prepare(`SELECT id, email, role, status, invited_at_ms AS invitedAtMs, expires_at_ms AS expiresAtMs FROM invites`)
    .all() as Array<Omit<Invite, 'ageDays'>>;
  const invites = rows.map((row): Invite => ({
    ...row,
    // The alerts judge a pending invite past its expiry as no longer pending (pending-invites.ts); so does this.
    status: row.status === 'pending' && row.expiresAtMs <= nowMs ? 'expired' : row.status,
    ageDays: Math.max(0, wholeDaysBetween(row.invitedAtMs, nowMs)),
  }));
  const rank = (status: string) => {
    const index = (INVITE_STATUSES as readonly string[]).indexOf(status);
    return index === -1 ? INVITE_STATUSES.length : index;
  };
  // Pending first (what needs a decision), each status newest first.
  return invites.sort(
    (a, b) => rank(a.status) - rank(b.status) || b.invitedAtMs - a.invitedAtMs || a.id.localeCompare(b.id),
  );
}

function groupBy<R, T>(rows: R[], key: (row: R) => string, pick: (row: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(pick(row));
    else out.set(key(row), [pick(row)]);
  }
  return out;
}
