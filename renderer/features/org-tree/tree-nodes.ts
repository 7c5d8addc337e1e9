/**
 * The org tree as generic nodes: organization → workspaces → "Members" and "API keys" groups → members
 * (with their workspace role) and keys. Pure; the view flattens these into rows (flatten-tree.ts).
 */
import type { OrgKey, OrgMember, OrgTree, OrgWorkspace } from '../../../preload/contract';
import { formatRole, formatStatus } from '../../lib/format';

export type NodeKind = 'org' | 'workspace' | 'members' | 'keys' | 'member' | 'key';

export interface TreeNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Secondary text after the label (role, key hint, counts). */
  detail: string;
  /** Short status words shown as badges ("Default", "Archived", "Inactive"). */
  badges: string[];
  children: TreeNode[];
  /** Extra words the search also matches (email, role, status, id). */
  searchText: string;
  data: { kind: 'org'; tree: OrgTree } | { kind: 'workspace'; workspace: OrgWorkspace } | { kind: 'member'; member: OrgMember; workspace: OrgWorkspace } | { kind: 'key'; key: OrgKey; workspace: OrgWorkspace } | { kind: 'group' };
}

export function buildTreeNodes(tree: OrgTree): TreeNode[] {
  const workspaces = [...tree.workspaces].sort(workspaceOrder).map(workspaceNode);
  return [
    {
      id: 'org',
      kind: 'org',
      label: tree.org.name,
      detail: `${plural(tree.workspaces.length, 'workspace')}`,
      badges: [],
      children: workspaces,
      searchText: tree.org.id,
      data: { kind: 'org', tree },
    },
  ];
}

function workspaceNode(workspace: OrgWorkspace): TreeNode {
  const base = `ws:${workspace.id ?? 'default'}`;
  const badges = [workspace.isDefault ? 'Default' : null, workspace.archived ? 'Archived' : null].filter((b): b is string => b !== null);
  return {
    id: base,
    kind: 'workspace',
    label: workspace.name,
    detail: `${plural(workspace.members.length, 'member')} · ${plural(workspace.keys.length, 'key')}`,
    badges,
    searchText: `${workspace.id ?? ''} ${badges.join(' ')}`,
    data: { kind: 'workspace', workspace },
    children: [
      {
        id: `${base}/members`,
        kind: 'members',
        label: 'Members',
        detail: String(workspace.members.length),
        badges: [],
        searchText: '',
        data: { kind: 'group' },
        children: [...workspace.members].sort((a, b) => a.name.localeCompare(b.name)).map((member) => memberNode(base, member, workspace)),
      },
      {
        id: `${base}/keys`,
        kind: 'keys',
        label: 'API keys',
        detail: String(workspace.keys.length),
        badges: [],
        searchText: '',
        data: { kind: 'group' },
        children: [...workspace.keys].sort((a, b) => a.name.localeCompare(b.name)).map((key) => keyNode(key, workspace)),
      },
    ],
  };
}

function memberNode(base: string, member: OrgMember, workspace: OrgWorkspace): TreeNode {
  const role = formatRole(member.workspaceRole);
  return {
    id: `${base}/member:${member.userId}`,
    kind: 'member',
    label: member.name || member.email,
    detail: role,
    badges: [],
    children: [],
    searchText: `${member.email} ${member.workspaceRole} ${role}`,
    data: { kind: 'member', member, workspace },
  };
}

function keyNode(key: OrgKey, workspace: OrgWorkspace): TreeNode {
  const status = formatStatus(key.status);
  return {
    id: `key:${key.id}`,
    kind: 'key',
    label: key.name,
    detail: key.partialKeyHint ?? '',
    badges: key.status === 'active' ? [] : [status],
    children: [],
    searchText: `${key.id} ${key.status} ${key.partialKeyHint ?? ''}`,
    data: { kind: 'key', key, workspace },
  };
}

/** Default workspace first, then active ones by name, archived ones last. */
function workspaceOrder(a: OrgWorkspace, b: OrgWorkspace): number {
  if (a.isDefault !== b.isDefault) return a.isDefault ? -1 : 1;
  if (a.archived !== b.archived) return a.archived ? 1 : -1;
  return a.name.localeCompare(b.name);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
