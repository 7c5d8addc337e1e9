/** One visible row of the org tree: a treeitem with its level, position and expanded state for assistive tech. */
import type { CSSProperties } from 'react';
import type { TreeRow } from './flatten-tree';

export const rowDomId = (id: string): string => `tree-row-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const KIND_LABEL: Record<TreeRow['node']['kind'], string> = {
  org: 'Organization',
  workspace: 'Workspace',
  members: 'Members',
  keys: 'API keys',
  member: 'Member',
  key: 'API key',
};

interface Props {
  row: TreeRow;
  active: boolean;
  selected: boolean;
  style: CSSProperties;
  onPick: (id: string) => void;
}

export function TreeRowView({ row, active, selected, style, onPick }: Props) {
  const { node } = row;
  return (
    <div
      id={rowDomId(node.id)}
      role="treeitem"
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-selected={selected}
      data-active={active || undefined}
      data-kind={node.kind}
      className="tree-row"
      style={{ ...style, paddingInlineStart: `${0.5 + (row.level - 1) * 1.25}rem` }}
      onClick={() => onPick(node.id)}
    >
      <span className="tree-chevron" aria-hidden="true">
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className={`tree-icon tree-icon-${node.kind}`} aria-hidden="true" title={KIND_LABEL[node.kind]} />
      <span className="tree-label">{node.label}</span>
      {node.detail && <span className="tree-detail">{node.detail}</span>}
      {node.spend && (
        <span className="tree-money" title={node.spend.title}>
          {node.spend.money}
        </span>
      )}
      {node.spend?.percent && <span className={`badge tone-${node.spend.tone}`}>{node.spend.percent}</span>}
      {node.badges.map((badge) => (
        <span key={badge} className={`badge badge-${badge.toLowerCase().replace(/\s+/g, '-')}`}>
          {badge}
        </span>
      ))}
    </div>
  );
}
