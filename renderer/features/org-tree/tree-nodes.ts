/**
 * The org tree as generic nodes: organization → workspaces → "Members" and "API keys" groups → members
 * (with their workspace role) and keys. Pure; the view flattens these into rows (flatten-tree.ts).
 */
import type { KeyInventoryRow, OrgKey, OrgMember, OrgTree, OrgWorkspace } from '../../../preload/contract';
import { formatCents, formatRole, formatStatus } from '../../lib/format';

/** Extra facts from other views' data, badged onto the tree when they are loaded. */
export interface TreeAnnotations {
  /** Hygiene verdict per key id (key inventory). */
  keyVerdicts?: ReadonlyMap<string, Pick<KeyInventoryRow, 'verdict' | 'reason'>>;
  /** Month-to-date spend per workspace id ('default' for the default workspace), in cents. */
  workspaceSpend?: ReadonlyMap<string, string>;
  currency?: string;
}

const VERDICT_BADGE: Partial<Record<KeyInventoryRow['verdict'], string>> = {
  'rotate-soon': 'Rotate soon',
  dormant: 'Dormant',
  expiring: 'Expiring',
  orphaned: 'Orphaned',
};

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
  /** Why this node needs the admin's attention (empty when it does not); drives the "needs attention" filter. */
  warnings: string[];
  data: { kind: 'org'; tree: OrgTree } | { kind: 'workspace'; workspace: OrgWorkspace } | { kind: 'member'; member: OrgMember; workspace: OrgWorkspace } | { kind: 'key'; key: OrgKey; workspace: OrgWorkspace } | { kind: 'group' };
}

export function buildTreeNodes(tree: OrgTree, annotations: TreeAnnotations = {}): TreeNode[] {
  const workspaces = [...tree.workspaces].sort(workspaceOrder).map((workspace) => workspaceNode(workspace, annotations));
  const orgKeys = tree.organizationKeys ?? [];
  const orgWorkspace: OrgWorkspace = { id: null, name: tree.org.name, isDefault: false, archived: false, members: [], keys: orgKeys };
  const orgKeyGroup: TreeNode[] =
    orgKeys.length === 0
      ? []
      : [group('org/keys', 'keys', 'Organization API keys', [...orgKeys].sort(byName).map((key) => keyNode(key, orgWorkspace, annotations)))];
  return [
    {
      id: 'org',
      kind: 'org',
      label: tree.org.name,
      detail: `${plural(tree.workspaces.length, 'workspace')}`,
      badges: [],
      warnings: [],
      children: [...orgKeyGroup, ...workspaces],
      searchText: tree.org.id,
      data: { kind: 'org', tree },
    },
  ];
}

function group(id: string, kind: 'members' | 'keys', label: string, children: TreeNode[]): TreeNode {
  return { id, kind, label, detail: String(children.length), badges: [], warnings: [], searchText: '', data: { kind: 'group' }, children };
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

function workspaceNode(workspace: OrgWorkspace, annotations: TreeAnnotations): TreeNode {
  const base = `ws:${workspace.id ?? 'default'}`;
  const badges = [workspace.isDefault ? 'Default' : null, workspace.archived ? 'Archived' : null].filter((b): b is string => b !== null);
  // Cost reports give the default workspace no id; the tree may know its id.
  const spend = annotations.workspaceSpend?.get(workspace.id ?? 'default') ?? (workspace.isDefault ? annotations.workspaceSpend?.get('default') : undefined);
  const counts = `${plural(workspace.members.length, 'member')} · ${plural(workspace.keys.length, 'key')}`;
  return {
    id: base,
    kind: 'workspace',
    label: workspace.name,
    detail: spend ? `${counts} · ${formatCents(spend, annotations.currency)} this month` : counts,
    badges,
    warnings: [],
    searchText: `${workspace.id ?? ''} ${badges.join(' ')}`,
    data: { kind: 'workspace', workspace },
    children: [
      group(`${base}/members`, 'members', 'Members', [...workspace.members].sort(byName).map((member) => memberNode(base, member, workspace))),
      group(`${base}/keys`, 'keys', 'API keys', [...workspace.keys].sort(byName).map((key) => keyNode(key, workspace, annotations))),
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
    warnings: [],
    children: [],
    searchText: `${member.email} ${member.workspaceRole} ${role}`,
    data: { kind: 'member', member, workspace },
  };
}

function keyNode(key: OrgKey, workspace: OrgWorkspace, annotations: TreeAnnotations): TreeNode {
  const status = formatStatus(key.status);
  const hygiene = annotations.keyVerdicts?.get(key.id);
  const verdictBadge = hygiene ? VERDICT_BADGE[hygiene.verdict] : undefined;
  return {
    id: `key:${key.id}`,
    kind: 'key',
    label: key.name,
    detail: key.partialKeyHint ?? '',
    badges: [...(key.status === 'active' ? [] : [status]), ...(verdictBadge ? [verdictBadge] : [])],
    warnings: verdictBadge && hygiene ? [hygiene.reason] : [],
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
