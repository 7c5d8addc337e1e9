/**
 * The org tree as generic nodes: organization → workspaces → "Members" and "API keys" groups → members
 * (with their workspace role) and keys. Pure; the view flattens these into rows (flatten-tree.ts). Badges come
 * with the tree from main: a workspace's month-to-date spend against its budget or limit, a key's estimated
 * month-to-date cost and its hygiene verdict.
 */
import type {
  KeyInventoryRow,
  OrgKey,
  OrgMember,
  OrgTree,
  OrgWorkspace,
  SpendTarget,
  WorkspaceSpendBadge,
} from '../../../preload/contract';
import { formatCents, formatOrgRole, formatRole, formatStatus } from '../../lib/format';

const VERDICT_BADGE: Partial<Record<KeyInventoryRow['verdict'], string>> = {
  'rotate-soon': 'Rotate soon',
  dormant: 'Dormant',
  expiring: 'Expiring',
  expired: 'Expired',
  orphaned: 'Orphaned',
  'default-workspace': 'Default workspace',
};

/** From this share of a budget or limit a workspace needs attention (the alerts' warning threshold). */
export const ATTENTION_PERCENT = 80;

export type NodeKind = 'org' | 'workspace' | 'members' | 'keys' | 'member' | 'key';
/** What the status filter matches: keys by their status, workspaces archived or not, members as active. */
export type NodeStatus = 'active' | 'inactive' | 'archived';

export interface SpendBadge {
  /** "$1,234.57 this month" or "≈ $12.30 this month (estimate)". */
  money: string;
  /** "447 % of limit"; null without a budget or limit. */
  percent: string | null;
  tone: 'ok' | 'warn' | 'over';
  /** Longer words for the tooltip and the details pane. */
  title: string;
}

export interface TreeNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Secondary text after the label (role, key hint, counts). */
  detail: string;
  /** Short status words shown as badges ("Default", "Archived", "Inactive", "Dormant"). */
  badges: string[];
  /** Month-to-date spend (workspaces) or its estimate (keys); absent when the tree came without badges. */
  spend?: SpendBadge;
  /** Status for the status filter; null for the org and the group rows. */
  status: NodeStatus | null;
  /** The member's workspace role (role filter); null for every other node. */
  role: string | null;
  /** The member's org role (role filter: `org:<role>`); absent for every other node. */
  orgRole?: string | null;
  children: TreeNode[];
  /** Extra words the search also matches (email, role, status, id). */
  searchText: string;
  /** Why this node needs the admin's attention (empty when it does not); drives the "needs attention" filter. */
  warnings: string[];
  data:
    | { kind: 'org'; tree: OrgTree }
    | { kind: 'workspace'; workspace: OrgWorkspace }
    | { kind: 'member'; member: OrgMember; workspace: OrgWorkspace }
    | { kind: 'key'; key: OrgKey; workspace: OrgWorkspace }
    | { kind: 'group' };
}

export function buildTreeNodes(tree: OrgTree): TreeNode[] {
  const workspaces = [...tree.workspaces].sort(workspaceOrder).map((workspace) => workspaceNode(workspace));
  const orgKeys = tree.organizationKeys ?? [];
  const orgWorkspace: OrgWorkspace = {
    id: null,
    name: tree.org.name,
    isDefault: false,
    archived: false,
    members: [],
    keys: orgKeys,
  };
  const orgKeyGroup: TreeNode[] =
    orgKeys.length === 0
      ? []
      : [
          group(
            'org/keys',
            'keys',
            'Organization API keys',
            [...orgKeys].sort(byName).map((key) => keyNode(key, orgWorkspace)),
          ),
        ];
  const orgSpend = spendBadge(tree.spend);
  return [
    {
      id: 'org',
      kind: 'org',
      label: tree.org.name,
      detail: `${plural(tree.workspaces.length, 'workspace')}`,
      badges: [],
      ...(orgSpend ? { spend: orgSpend } : {}),
      status: null,
      role: null,
      warnings: attentionWarnings(tree.spend, orgSpend),
      children: [...orgKeyGroup, ...workspaces],
      searchText: tree.org.id,
      data: { kind: 'org', tree },
    },
  ];
}

function group(id: string, kind: 'members' | 'keys', label: string, children: TreeNode[]): TreeNode {
  return {
    id,
    kind,
    label,
    detail: String(children.length),
    badges: [],
    status: null,
    role: null,
    warnings: [],
    searchText: '',
    data: { kind: 'group' },
    children,
  };
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

/** The budget or limit that binds first: the highest percentage; on a tie the limit (it stops traffic). */
export function bindingTarget(targets: readonly SpendTarget[]): SpendTarget | null {
  let best: SpendTarget | null = null;
  for (const target of targets) {
    if (
      best === null ||
      target.percent > best.percent ||
      (target.percent === best.percent && target.source === 'limit')
    )
      best = target;
  }
  return best;
}

/** Month-to-date spend with the share of the budget or limit that binds first (org and workspace rows). */
function spendBadge(spend: WorkspaceSpendBadge | undefined): SpendBadge | undefined {
  if (!spend) return undefined;
  const money = `${formatCents(spend.cents)} this month`;
  const target = bindingTarget(spend.targets);
  if (!target) return { money, percent: null, tone: 'ok', title: `${money}; no budget or spend limit` };
  const what = target.source === 'budget' ? 'budget' : 'limit';
  const tone = target.percent >= 100 ? 'over' : target.percent >= ATTENTION_PERCENT ? 'warn' : 'ok';
  return {
    money,
    percent: `${target.percent} % of ${what}`,
    tone,
    title: `${money} of a ${formatCents(target.amountCents)} monthly ${what === 'limit' ? 'spend limit' : 'budget'}`,
  };
}

/** "Needs attention" from 80 % of a budget or limit (the alerts' warning threshold). */
function attentionWarnings(spend: WorkspaceSpendBadge | undefined, badge: SpendBadge | undefined): string[] {
  const target = spend ? bindingTarget(spend.targets) : null;
  return target !== null && target.percent >= ATTENTION_PERCENT && badge ? [`${badge.percent} this month.`] : [];
}

function workspaceNode(workspace: OrgWorkspace): TreeNode {
  const base = `ws:${workspace.id ?? 'default'}`;
  const badges = [workspace.isDefault ? 'Default' : null, workspace.archived ? 'Archived' : null].filter(
    (b): b is string => b !== null,
  );
  const spend = spendBadge(workspace.spend);
  return {
    id: base,
    kind: 'workspace',
    label: workspace.name,
    detail: `${plural(workspace.members.length, 'member')} · ${plural(workspace.keys.length, 'key')}`,
    badges,
    ...(spend ? { spend } : {}),
    status: workspace.archived ? 'archived' : 'active',
    role: null,
    warnings: attentionWarnings(workspace.spend, spend),
    searchText: `${workspace.id ?? ''} ${badges.join(' ')}`,
    data: { kind: 'workspace', workspace },
    children: [
      group(
        `${base}/members`,
        'members',
        'Members',
        [...workspace.members].sort(byName).map((member) => memberNode(base, member, workspace)),
      ),
      group(
        `${base}/keys`,
        'keys',
        'API keys',
        [...workspace.keys].sort(byName).map((key) => keyNode(key, workspace)),
      ),
    ],
  };
}

/** Org roles that are workspace admins everywhere (admin-api.md §3.4; assumed for owners). */
const ORG_ADMIN_ROLES = new Set(['admin', 'owner', 'primary_owner']);

function memberNode(base: string, member: OrgMember, workspace: OrgWorkspace): TreeNode {
  const role = formatRole(member.workspaceRole);
  // An org admin or owner administers every workspace, whatever this one's role says: the row says so too.
  const orgRole = member.orgRole && ORG_ADMIN_ROLES.has(member.orgRole) ? formatOrgRole(member.orgRole) : '';
  return {
    id: `${base}/member:${member.userId}`,
    kind: 'member',
    label: member.name || member.email,
    detail: orgRole ? `${role} · org ${orgRole.toLowerCase()}` : role,
    badges: [],
    status: 'active',
    role: member.workspaceRole,
    orgRole: member.orgRole,
    warnings: [],
    children: [],
    searchText: `${member.email} ${member.workspaceRole} ${role} ${member.orgRole ?? ''} ${orgRole}`,
    data: { kind: 'member', member, workspace },
  };
}

function keyStatus(status: string): NodeStatus {
  if (status === 'active') return 'active';
  return status === 'archived' ? 'archived' : 'inactive';
}

function keyNode(key: OrgKey, workspace: OrgWorkspace): TreeNode {
  const status = formatStatus(key.status);
  const verdictBadge = key.hygiene ? VERDICT_BADGE[key.hygiene.verdict] : undefined;
  const estimate = key.estimatedMonthCents;
  const spend: SpendBadge | undefined =
    estimate === undefined || /^0(\.0*)?$/.test(estimate)
      ? undefined
      : {
          money: `≈ ${formatCents(estimate)} this month`,
          percent: null,
          tone: 'ok',
          title: 'Estimate: this key’s tokens this month × list prices (the cost report has no per-key figures).',
        };
  return {
    id: `key:${key.id}`,
    kind: 'key',
    label: key.name,
    detail: key.partialKeyHint ?? '',
    badges: [...(key.status === 'active' ? [] : [status]), ...(verdictBadge ? [verdictBadge] : [])],
    ...(spend ? { spend } : {}),
    status: keyStatus(key.status),
    role: null,
    warnings: verdictBadge && key.hygiene ? [key.hygiene.reason] : [],
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
