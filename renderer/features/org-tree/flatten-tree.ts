/**
 * Flattens tree nodes into the visible rows of an ARIA tree (level, position in set, expanded), honouring
 * the expanded set and a search query. A flat list is what the virtualiser renders; aria-level,
 * aria-posinset and aria-setsize carry the hierarchy to assistive technology.
 */
import type { NodeStatus, TreeNode } from './tree-nodes';

export interface TreeRow {
  node: TreeNode;
  level: number;
  posInSet: number;
  setSize: number;
  parentId: string | null;
  hasChildren: boolean;
  expanded: boolean;
}

/** What the toolbar narrows the tree to; every part is optional and they combine (AND). */
export interface TreeFilter {
  /** Free text: name, email, role, status words, key hint, id. */
  query?: string;
  /** Only nodes that need attention (over 80 % of a budget or limit, or a key hygiene warning). */
  attentionOnly?: boolean;
  /** A workspace role (workspace_admin, …) or an org role as `org:<role>` (org:admin, …): only members with it. */
  role?: string | null;
  /** Only keys, workspaces and members in this state. */
  status?: NodeStatus | null;
}

/** The role filter's values for org roles: `org:admin`; workspace roles are named as they are. */
export const ORG_ROLE_PREFIX = 'org:';

export function isFiltering(filter: TreeFilter): boolean {
  return (filter.query ?? '').trim() !== '' || filter.attentionOnly === true || !!filter.role || !!filter.status;
}

/**
 * With a filter, only nodes that match (or have a matching descendant) are kept, and their ancestors are
 * shown expanded so every match is visible. A string is a plain text query.
 */
export function flattenTree(
  roots: TreeNode[],
  expanded: ReadonlySet<string>,
  filter: TreeFilter | string = {},
): TreeRow[] {
  const {
    query = '',
    attentionOnly = false,
    role = null,
    status = null,
  } = typeof filter === 'string' ? { query: filter } : filter;
  const needle = query.trim().toLowerCase();
  const filtering = isFiltering({ query, attentionOnly, role, status });
  const matches = (node: TreeNode): boolean =>
    (needle === '' || nodeMatches(node, needle)) &&
    (!attentionOnly || node.warnings.length > 0) &&
    (!role ||
      (role.startsWith(ORG_ROLE_PREFIX) ? node.orgRole === role.slice(ORG_ROLE_PREFIX.length) : node.role === role)) &&
    (!status || node.status === status);
  const deep = new Map<TreeNode, boolean>();
  const matchesDeep = (node: TreeNode): boolean => {
    let result = deep.get(node);
    if (result === undefined) deep.set(node, (result = matches(node) || node.children.some(matchesDeep)));
    return result;
  };
  const rows: TreeRow[] = [];
  const visit = (nodes: TreeNode[], level: number, parentId: string | null): void => {
    const kept = filtering ? nodes.filter(matchesDeep) : nodes;
    kept.forEach((node, index) => {
      const isOpen = filtering ? node.children.some(matchesDeep) : expanded.has(node.id);
      const hasChildren = node.children.length > 0;
      rows.push({
        node,
        level,
        posInSet: index + 1,
        setSize: kept.length,
        parentId,
        hasChildren,
        expanded: hasChildren && isOpen,
      });
      if (hasChildren && isOpen) visit(node.children, level + 1, node.id);
    });
  };
  visit(roots, 1, null);
  return rows;
}

export function nodeMatches(node: TreeNode, needle: string): boolean {
  return `${node.label} ${node.detail} ${node.badges.join(' ')} ${node.searchText}`.toLowerCase().includes(needle);
}

/** Ids of every node with children: "expand all". */
export function allParentIds(roots: TreeNode[]): string[] {
  const ids: string[] = [];
  const visit = (nodes: TreeNode[]): void => {
    for (const node of nodes) {
      if (node.children.length > 0) {
        ids.push(node.id);
        visit(node.children);
      }
    }
  };
  visit(roots);
  return ids;
}

/** What opens at first: everything for a small org, only the org and its workspaces for a large one. */
export function initialExpanded(roots: TreeNode[], smallOrgRows = 150): Set<string> {
  const all = allParentIds(roots);
  const everything = flattenTree(roots, new Set(all));
  if (everything.length <= smallOrgRows) return new Set(all);
  return new Set(roots.map((root) => root.id));
}
