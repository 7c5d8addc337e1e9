/**
 * The org tree: organization → workspaces → members (with roles) and API keys. An ARIA tree whose focus
 * stays on the tree element (aria-activedescendant), so rows can be virtualised: only the rows on screen
 * exist in the DOM, however large the org. Search filters and reveals matches.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OrgTree } from '../../../preload/contract';
import { buildTreeNodes, type NodeStatus } from './tree-nodes';
import { allParentIds, flattenTree, initialExpanded, isFiltering, type TreeFilter } from './flatten-tree';
import { TreeFilters } from './TreeFilters';
import { isTypeAheadKey, treeKeyAction } from './tree-keys';
import { rowDomId, TreeRowView } from './TreeRowView';
import { NodeDetails } from './NodeDetails';
import { ORG_ROLE_ORDER } from '../../lib/format';

const ROW_HEIGHT = 34;
const TYPE_AHEAD_RESET_MS = 700;

export function OrgTreeView({ tree }: { tree: OrgTree }) {
  const roots = useMemo(() => buildTreeNodes(tree), [tree]);
  const [expanded, setExpanded] = useState(() => initialExpanded(roots));
  const [query, setQuery] = useState('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<NodeStatus | null>(null);
  const filter = useMemo<TreeFilter>(
    () => ({ query, attentionOnly, role, status }),
    [query, attentionOnly, role, status],
  );
  const rows = useMemo(() => flattenTree(roots, expanded, filter), [roots, expanded, filter]);
  const roles = useMemo(
    () => [...new Set(tree.workspaces.flatMap((w) => w.members.map((m) => m.workspaceRole)))].sort(),
    [tree],
  );
  // Org roles in the documented order (owners and admins first), those the tree's members hold.
  const orgRoles = useMemo(() => {
    const held = new Set(tree.workspaces.flatMap((w) => w.members.map((m) => m.orgRole)));
    held.delete(null);
    const rank = (r: string) => (ORG_ROLE_ORDER.includes(r) ? ORG_ROLE_ORDER.indexOf(r) : ORG_ROLE_ORDER.length);
    return [...held].filter((r): r is string => r !== null).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }, [tree]);
  const [activeId, setActiveId] = useState('org');
  const [openId, setOpenId] = useState<string | null>(null);
  const typed = useRef({ text: '', at: 0 });
  const scrollRef = useRef<HTMLDivElement>(null);

  const activeIndex = Math.max(
    0,
    rows.findIndex((row) => row.node.id === activeId),
  );
  const activeRow = rows[activeIndex];
  const openNode = rows.find((row) => row.node.id === openId)?.node ?? null;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 640, height: 600 },
  });

  const moveTo = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    setActiveId(row.node.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const toggle = (id: string, open: boolean): void => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    let text = '';
    if (isTypeAheadKey(event)) {
      const now = Date.now();
      text = (now - typed.current.at < TYPE_AHEAD_RESET_MS ? typed.current.text : '') + event.key;
      typed.current = { text, at: now };
    }
    const action = treeKeyAction(rows, activeIndex, event.key, text);
    if (action.type === 'none') return;
    event.preventDefault();
    if (action.type === 'move') moveTo(action.index);
    else if (action.type === 'expand') toggle(action.id, true);
    else if (action.type === 'collapse') toggle(action.id, false);
    else if (action.type === 'open') {
      const row = rows[action.index];
      if (row) setOpenId(row.node.id);
    }
  };

  const pick = (id: string): void => {
    const row = rows.find((candidate) => candidate.node.id === id);
    setActiveId(id);
    setOpenId(id);
    if (row?.hasChildren) toggle(id, !row.expanded);
    scrollRef.current?.focus();
  };

  return (
    <div className="tree-layout">
      <section className="tree-panel" aria-label="Organization tree">
        <div className="tree-toolbar">
          <label htmlFor="tree-search">Search the org</label>
          <input
            id="tree-search"
            type="search"
            placeholder="Name, email, role, key hint…"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <TreeFilters
            roles={roles}
            orgRoles={orgRoles}
            role={role}
            onRole={setRole}
            status={status}
            onStatus={setStatus}
            attentionOnly={attentionOnly}
            onAttentionOnly={setAttentionOnly}
          />
          <button type="button" onClick={() => setExpanded(new Set(allParentIds(roots)))}>
            Expand all
          </button>
          <button type="button" onClick={() => setExpanded(new Set(roots.map((root) => root.id)))}>
            Collapse all
          </button>
          <span className="muted" role="status">
            {isFiltering(filter) ? `${rows.length} matching rows` : ''}
          </span>
        </div>
        <div
          ref={scrollRef}
          role="tree"
          aria-label={`${tree.org.name}: workspaces, members and API keys`}
          aria-activedescendant={activeRow ? rowDomId(activeRow.node.id) : undefined}
          tabIndex={0}
          className="tree"
          onKeyDown={onKeyDown}
        >
          <div role="none" className="tree-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <TreeRowView
                  key={row.node.id}
                  row={row}
                  active={item.index === activeIndex}
                  selected={row.node.id === openId}
                  onPick={pick}
                  style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                />
              );
            })}
          </div>
        </div>
        {rows.length === 0 && <p className="muted tree-empty">{emptyText(filter)}</p>}
      </section>
      <NodeDetails node={openNode} />
    </div>
  );
}

function emptyText(filter: TreeFilter): string {
  if (filter.query) return `Nothing matches “${filter.query}”.`;
  if (filter.attentionOnly && !filter.role && !filter.status) return 'Nothing needs attention.';
  return 'Nothing matches these filters.';
}
