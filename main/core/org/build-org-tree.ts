/**
 * Assembles the org tree the window and the CLI show (org → workspaces → members and keys) from mirrored rows.
 * Pure: main/db reads the rows, this decides the shape. The default workspace appears when it holds keys or
 * members; when the API never listed it (older shape) it gets `id: null`.
 */
import type { OrgKey, OrgMember, OrgTree, OrgWorkspace } from './org-tree';

export interface TreeWorkspaceRow {
  id: string;
  name: string;
  isDefault: boolean;
  archived: boolean;
}
export interface TreeUserRow {
  id: string;
  name: string;
  email: string;
  /** The org role (admin, developer, …); the tree's role filter and member details show it beside the workspace role. */
  role: string;
}
export interface TreeMemberRow {
  workspaceId: string;
  userId: string;
  workspaceRole: string;
}
export interface TreeKeyRow extends OrgKey {
  /** Effective workspace; null = the default workspace (legacy shape) or an organization-scoped key. */
  workspaceId: string | null;
  scopeType: string | null;
}

export interface OrgTreeInput {
  org: { id: string; name: string };
  syncedAtMs: number | null;
  workspaces: TreeWorkspaceRow[];
  users: TreeUserRow[];
  members: TreeMemberRow[];
  keys: TreeKeyRow[];
}

export const DEFAULT_WORKSPACE_NAME = 'Default';

export function buildOrgTree(input: OrgTreeInput): OrgTree {
  const users = new Map(input.users.map((u) => [u.id, u]));
  const known = new Map(input.workspaces.map((w) => [w.id, w]));
  const defaultRow = input.workspaces.find((w) => w.isDefault) ?? null;
  // Keys pointing at a workspace we never saw listed can only be in the (unlisted) default workspace.
  const unlistedIds = new Set(
    input.keys.map((k) => k.workspaceId).filter((id): id is string => id != null && !known.has(id)),
  );
  const defaultId = defaultRow?.id ?? (unlistedIds.size === 1 ? [...unlistedIds][0]! : null);

  const keysOf = new Map<string | null, OrgKey[]>();
  const organizationKeys: OrgKey[] = [];
  for (const k of input.keys) {
    const { workspaceId, scopeType, ...key } = k;
    if (scopeType === 'organization') {
      organizationKeys.push(key);
      continue;
    }
    const bucket =
      workspaceId == null || workspaceId === defaultId || !known.has(workspaceId) ? DEFAULT_BUCKET : workspaceId;
    push(keysOf, bucket, key);
  }
  const membersOf = new Map<string | null, OrgMember[]>();
  for (const m of input.members) {
    const user = users.get(m.userId);
    const bucket = m.workspaceId === defaultId ? DEFAULT_BUCKET : m.workspaceId;
    push(membersOf, bucket, {
      userId: m.userId,
      name: user?.name ?? m.userId,
      email: user?.email ?? '',
      orgRole: user?.role ?? null,
      workspaceRole: m.workspaceRole,
    });
  }

  const workspaces: OrgWorkspace[] = [];
  const defaultMembers = membersOf.get(DEFAULT_BUCKET) ?? [];
  const defaultKeys = keysOf.get(DEFAULT_BUCKET) ?? [];
  if (defaultMembers.length > 0 || defaultKeys.length > 0) {
    workspaces.push({
      id: defaultId,
      name: defaultRow?.name ?? DEFAULT_WORKSPACE_NAME,
      isDefault: true,
      archived: defaultRow?.archived ?? false,
      members: sortMembers(defaultMembers),
      keys: sortKeys(defaultKeys),
    });
  }
  const others = input.workspaces.filter((w) => w.id !== defaultId).sort(byName);
  for (const w of others) {
    workspaces.push({
      id: w.id,
      name: w.name,
      isDefault: false,
      archived: w.archived,
      members: sortMembers(membersOf.get(w.id) ?? []),
      keys: sortKeys(keysOf.get(w.id) ?? []),
    });
  }
  return {
    org: input.org,
    syncedAtMs: input.syncedAtMs,
    workspaces,
    ...(organizationKeys.length > 0 ? { organizationKeys: sortKeys(organizationKeys) } : {}),
  };
}

const DEFAULT_BUCKET = null;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }): number =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const sortMembers = (list: OrgMember[]): OrgMember[] =>
  list.sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
const sortKeys = (list: OrgKey[]): OrgKey[] => list.sort((a, b) => byName(a, b));
