/** Reads the org tree (org → workspaces → members and keys) from the mirror; null before the first sync. */
import type Database from 'better-sqlite3';
import type { OrgTree } from '../../../preload/contract';
import { buildOrgTree, type TreeKeyRow, type TreeMemberRow, type TreeUserRow, type TreeWorkspaceRow } from '../../core/org/build-org-tree';
import { OrganizationRepo } from './organization-repo';
import { SyncStateRepo } from './sync-state-repo';

export function readOrgTree(db: Database.Database): OrgTree | null {
  const org = new OrganizationRepo(db).get();
  if (!org) return null;
  const workspaces = (
    db.prepare(`SELECT id, name, is_default, archived_at_ms FROM workspaces`).all() as Array<{
      id: string;
      name: string;
      is_default: number;
      archived_at_ms: number | null;
    }>
  ).map((w): TreeWorkspaceRow => ({ id: w.id, name: w.name, isDefault: w.is_default === 1, archived: w.archived_at_ms != null }));
  const users = db.prepare(`SELECT id, name, email FROM users`).all() as TreeUserRow[];
  const members = db
    .prepare(`SELECT workspace_id AS workspaceId, user_id AS userId, workspace_role AS workspaceRole FROM workspace_members`)
    .all() as TreeMemberRow[];
  const keys = db
    .prepare(
      `SELECT id, name, status, partial_key_hint AS partialKeyHint, created_at_ms AS createdAtMs,
              expires_at_ms AS expiresAtMs, workspace_id AS workspaceId, scope_type AS scopeType
       FROM api_keys`,
    )
    .all() as TreeKeyRow[];
  return buildOrgTree({
    org: { id: org.id, name: org.name },
    syncedAtMs: new SyncStateRepo(db).lastSuccessfulSyncAtMs(),
    workspaces,
    users,
    members,
    keys,
  });
}
