/**
 * What a person holds, for the offboarding assistant: org role, workspace memberships (flagging those where they
 * are the only workspace admin), the active keys they created with their last 30 days, the pending invites they
 * sent (where the compliance feed says who sent them) and their recent Claude Code activity. Built from the same
 * read models the People view and `users` / `keys` print (people.ts, key-inventory.ts, key-cost-estimate.ts), so
 * the plan never disagrees with what those show. Reads the mirror only.
 */
import type Database from 'better-sqlite3';
import type { OffboardHoldings } from '../../../preload/contract-offboarding';
import { isAdminRole } from '../../core/org/org-roles';
import { readPeople } from './people';
import { readKeyInventory } from './key-inventory';
import { readKeyEstimate30d } from './key-cost-estimate';

export interface PersonRef {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** The member named by a user id or an e-mail (case-insensitive); null when the mirror has no such member. */
export function findMember(db: Database.Database, userOrEmail: string): PersonRef | null {
  const value = userOrEmail.trim();
  const row = db
    .prepare(`SELECT id, email, name, role FROM users WHERE id = ? OR lower(email) = lower(?) ORDER BY id LIMIT 1`)
    .get(value, value) as PersonRef | undefined;
  return row ?? null;
}

export function readOffboardingHoldings(db: Database.Database, userId: string, nowMs: number): OffboardHoldings | null {
  const person = readPeople(db, nowMs).members.find((member) => member.id === userId);
  if (!person) return null;
  const inventory = new Map(readKeyInventory(db, nowMs).map((key) => [key.id, key]));
  const keys = person.keysCreated.map((created) => {
    const key = inventory.get(created.id);
    return {
      id: created.id,
      name: created.name,
      workspaceName: key?.workspaceName ?? 'Default Workspace',
      tokens30d: key?.tokens30d ?? 0,
      estimateCents30d: readKeyEstimate30d(db, created.id, nowMs).estimateCents,
      lastUsedDayMs: key?.lastUsedDayMs ?? null,
    };
  });
  const adminCount = db.prepare(
    `SELECT count(*) AS n FROM workspace_members WHERE workspace_id = ? AND workspace_role = 'workspace_admin'`,
  );
  // Left out: the default workspace's membership is implicit (every member) and cannot be changed, so the org
  // removal ends it; an archived workspace's members cannot be changed either, and it gives no access any more.
  const unchangeable = new Set(
    (
      db.prepare(`SELECT id FROM workspaces WHERE is_default = 1 OR archived_at_ms IS NOT NULL`).all() as Array<{
        id: string;
      }>
    ).map((w) => w.id),
  );
  const memberships = person.workspaces
    .filter((workspace) => !unchangeable.has(workspace.id))
    .map((workspace) => ({
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      role: workspace.role,
      onlyAdmin: workspace.role === 'workspace_admin' && (adminCount.get(workspace.id) as { n: number }).n === 1,
    }));
  return {
    person: { id: person.id, email: person.email, name: person.name, role: person.role },
    isOrgAdmin: isAdminRole(person.role),
    memberships,
    keys,
    invitesSent: readInvitesSent(db, person.id, nowMs),
    claudeCode: {
      lastDayMs: person.lastClaudeCodeDayMs,
      sessions30d: person.claudeCode30d?.sessions ?? 0,
      daysActive30d: person.claudeCode30d?.daysActive ?? 0,
      estimatedCostCents30d: person.claudeCode30d?.estimatedCostCents ?? '0',
    },
  };
}

/**
 * Pending invites whose `org_user_invite_sent` activity names this person as the actor. Only the compliance feed
 * knows who sent an invite (the invite object does not say): without any feed activity in the trail, unknown.
 */
function readInvitesSent(db: Database.Database, userId: string, nowMs: number): OffboardHoldings['invitesSent'] {
  const feed = db.prepare(`SELECT 1 FROM audit_events WHERE source = 'compliance' LIMIT 1`).get();
  if (!feed) return { known: false, invites: [] };
  const invites = db
    .prepare(
      `SELECT DISTINCT i.id, i.email, i.role, i.invited_at_ms AS invitedAtMs, i.expires_at_ms AS expiresAtMs
       FROM invites i JOIN audit_events a
         ON a.source = 'compliance' AND a.type = 'org_user_invite_sent' AND a.actor_id = ?
        AND lower(json_extract(a.raw_json, '$.invited_email')) = lower(i.email)
       WHERE i.status = 'pending' AND i.expires_at_ms > ?
       ORDER BY i.invited_at_ms DESC, i.id`,
    )
    .all(userId, nowMs) as OffboardHoldings['invitesSent']['invites'];
  return { known: true, invites };
}
