/** The tree's filters besides the search box: member role, status, and "needs attention". Labelled controls. */
import { formatRole } from '../../lib/format';
import type { NodeStatus } from './tree-nodes';

interface Props {
  roles: string[];
  role: string | null;
  onRole: (role: string | null) => void;
  status: NodeStatus | null;
  onStatus: (status: NodeStatus | null) => void;
  attentionOnly: boolean;
  onAttentionOnly: (on: boolean) => void;
}

const STATUSES: Array<[NodeStatus, string]> = [
  ['active', 'Active'],
  ['inactive', 'Inactive'],
  ['archived', 'Archived'],
];

export function TreeFilters({ roles, role, onRole, status, onStatus, attentionOnly, onAttentionOnly }: Props) {
  return (
    <>
      <label className="tree-filter">
        Role
        <select value={role ?? ''} onChange={(event) => onRole(event.target.value || null)}>
          <option value="">Any role</option>
          {roles.map((value) => (
            <option key={value} value={value}>
              {formatRole(value)}
            </option>
          ))}
        </select>
      </label>
      <label className="tree-filter">
        Status
        <select value={status ?? ''} onChange={(event) => onStatus((event.target.value || null) as NodeStatus | null)}>
          <option value="">Any status</option>
          {STATUSES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={attentionOnly} onChange={(event) => onAttentionOnly(event.target.checked)} />
        Needs attention
      </label>
    </>
  );
}
