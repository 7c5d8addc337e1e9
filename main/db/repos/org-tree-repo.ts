/**
 * Reads the org tree (org → workspaces → members and keys) from the mirror; null before the first sync.
 * The window asks for it on every refresh (2,000 keys and 1,500 memberships in a large org), so the statements
 * are prepared once per connection and rows come back as arrays: better-sqlite3 builds a row object about twice
 * as slowly as an array, which was half of this read.
 */
import type Database from 'better-sqlite3';
import type { OrgTree } from '../../../preload/contract';
import {
  buildOrgTree,
  type TreeKeyRow,
  type TreeMemberRow,
  type TreeUserRow,
  type TreeWorkspaceRow,
} from '../../core/org/build-org-tree';
import { OrganizationRepo } from './organization-repo';
import { cachedStatement } from './statement-cache';
import { SyncStateRepo } from './sync-state-repo';

const WORKSPACES_SQL = `SELECT id, name, is_default, archived_at_ms FROM workspaces`;
const USERS_SQL = `SELECT id, name, email, role FROM users`;
const MEMBERS_SQL = `SELECT workspace_id, user_id, workspace_role FROM workspace_members`;
const KEYS_SQL = `SELECT id, name, status, partial_key_hint, created_at_ms, expires_at_ms, workspace_id, scope_type FROM api_keys`;

type Raw = unknown[];
const rows = (db: Database.Database, sql: string): Raw[] =>
  cachedStatement(db, sql).raw(true).safeIntegers(false).all() as Raw[];

export function readOrgTree(db: Database.Database): OrgTree | null {
  const org = new OrganizationRepo(db).get();
  if (!org) return null;
  const workspaces = rows(db, WORKSPACES_SQL).map(([id, name, isDefault, archivedAtMs]): TreeWorkspaceRow => ({
    id: id as string,
    name: name as string,
    isDefault: isDefault === 1,
    archived: archivedAtMs != null,
  }));
  const users = rows(db, USERS_SQL).map(([id, name, email, role]): TreeUserRow => ({
    id: id as string,
    name: name as string,
    email: email as string,
    role: role as string,
  }));
  const members = rows(db, MEMBERS_SQL).map(([workspaceId, userId, workspaceRole]): TreeMemberRow => ({
    workspaceId: workspaceId as string,
    userId: userId as string,
    workspaceRole: workspaceRole as string,
  }));
  const keys = rows(db, KEYS_SQL).map(
    ([id, name, status, partialKeyHint, createdAtMs, expiresAtMs, workspaceId, scopeType]): TreeKeyRow => ({
      id: id as string,
      name: name as string,
      status: status as string,
      partialKeyHint: partialKeyHint as string | null,
      createdAtMs: createdAtMs as number,
      expiresAtMs: expiresAtMs as number | null,
      workspaceId: workspaceId as string | null,
      scopeType: scopeType as string | null,
    }),
  );
  return buildOrgTree({
    org: { id: org.id, name: org.name },
    syncedAtMs: new SyncStateRepo(db).lastSuccessfulSyncAtMs(),
    workspaces,
    users,
    members,
    keys,
  });
}
