/**
 * Who can reach each workspace: its members with their workspace role, everyone whose org role reaches every
 * workspace (core/org/implicit-access.ts says which and marks what is assumed), and its keys with creator and
 * verdict. Which workspace a member or key belongs to is the org tree's answer (core/org/build-org-tree.ts, which
 * also places keys of an unlisted default workspace); each key's creator and verdict are the key inventory's
 * (key-inventory.ts, the one key-hygiene judgement). The CLI's `access`, `workspaces`, `workspace show` and the
 * window's workspace details all read this.
 */
import type Database from 'better-sqlite3';
import type { AccessKey, AccessPerson, WorkspaceAccess } from '../../../preload/contract-access';
import type { OrgKey, OrgWorkspace } from '../../core/org/org-tree';
import { effectiveWorkspaceRole, implicitWorkspaceRole } from '../../core/org/implicit-access';
import { readOrgTree } from '../repos/org-tree-repo';
import { readKeyInventory } from './key-inventory';
import type { KeyInventoryRow } from '../../../preload/contract';

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
}

/** Every workspace's access, in the tree's order (default first, then by name); empty before the first sync. */
export function readWorkspacesAccess(db: Database.Database, nowMs: number): WorkspaceAccess[] {
  const tree = readOrgTree(db);
  if (!tree) return [];
  const users = db.prepare(`SELECT id, name, email, role FROM users`).all() as UserRow[];
  const inventory = new Map(readKeyInventory(db, nowMs).map((key) => [key.id, key]));
  const organizationKeys = sortByName((tree.organizationKeys ?? []).map((key) => accessKey(key, inventory)));
  return tree.workspaces.map((workspace) => ({
    workspace: { id: workspace.id, name: workspace.name, isDefault: workspace.isDefault, archived: workspace.archived },
    people: peopleOf(workspace, users),
    addable: addableTo(workspace, users),
    keys: sortByName(workspace.keys.map((key) => accessKey(key, inventory))),
    organizationKeys,
  }));
}

/** One workspace's access by id (`null`: the default workspace, whatever its id); null when there is none. */
export function readWorkspaceAccess(
  db: Database.Database,
  workspaceId: string | null,
  nowMs: number,
): WorkspaceAccess | null {
  return (
    readWorkspacesAccess(db, nowMs).find((access) =>
      workspaceId === null ? access.workspace.isDefault : access.workspace.id === workspaceId,
    ) ?? null
  );
}

function peopleOf(workspace: OrgWorkspace, users: UserRow[]): AccessPerson[] {
  const byId = new Map(users.map((user) => [user.id, user]));
  const people = new Map<string, AccessPerson>();
  for (const member of workspace.members) {
    const user = byId.get(member.userId);
    people.set(
      member.userId,
      person(member.userId, member.name, member.email, user?.role ?? null, member.workspaceRole, workspace),
    );
  }
  for (const user of users) {
    if (people.has(user.id)) continue;
    const entry = person(user.id, user.name, user.email, user.role, null, workspace);
    if (entry.implicitRole !== null) people.set(user.id, entry);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

function addableTo(workspace: OrgWorkspace, users: UserRow[]): WorkspaceAccess['addable'] {
  const members = new Set(workspace.members.map((m) => m.userId));
  return users
    .filter((u) => !members.has(u.id) && implicitWorkspaceRole(u.role, false)?.role !== 'workspace_admin')
    .map((u) => ({ userId: u.id, name: u.name, email: u.email, orgRole: u.role }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

function person(
  userId: string,
  name: string,
  email: string,
  orgRole: string | null,
  memberRole: string | null,
  workspace: OrgWorkspace,
): AccessPerson {
  // A listed membership of the default workspace is explicit; only an unlisted one is implied by being in the org.
  const implicit = implicitWorkspaceRole(orgRole, workspace.isDefault && memberRole === null);
  return {
    userId,
    name,
    email,
    orgRole,
    workspaceRole: effectiveWorkspaceRole(memberRole, implicit),
    memberRole,
    implicitRole: implicit?.role ?? null,
    implicitBecause: implicit?.because ?? null,
    via: memberRole === null ? 'implicit' : implicit ? 'both' : 'member',
    assumed: implicit?.assumed ?? false,
  };
}

function accessKey(key: OrgKey, inventory: Map<string, KeyInventoryRow>): AccessKey {
  const row = inventory.get(key.id);
  return {
    id: key.id,
    name: key.name,
    status: key.status,
    partialKeyHint: key.partialKeyHint,
    createdAtMs: key.createdAtMs,
    creatorName: row?.creatorName ?? null,
    creatorIsMember: row?.creatorIsMember ?? null,
    verdict: row?.verdict ?? 'ok',
  };
}

const sortByName = (keys: AccessKey[]): AccessKey[] =>
  keys.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
