/** The tree's filters besides the search box: member role, status, and "needs attention". Labelled controls. */
import { formatOrgRole, formatRole } from '../../lib/format';
import { ORG_ROLE_PREFIX } from './flatten-tree';
import type { NodeStatus } from './tree-nodes';

interface Props {
  /** Workspace roles seen in the tree. */
  roles: string[];
  /** Org roles seen in the tree (admin-api.md §3.1), offered as `org:<role>`. */
  orgRoles: string[];
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

export function TreeFilters(props: Props) {
  const { roles, orgRoles, role, onRole, status, onStatus, attentionOnly, onAttentionOnly } = props;
  return (
    <>
      <label className="tree-filter">
        Role
        <select value={role ?? ''} onChange={(event) => onRole(event.target.value || null)}>
          <option value="">Any role</option>
          <optgroup label="Organization role">
            {orgRoles.map((value) => (
              <option key={value} value={`${ORG_ROLE_PREFIX}${value}`}>
                {formatOrgRole(value)}
              </option>
            ))}
          </optgroup>
          <optgroup label="Workspace role">
            {roles.map((value) => (
              <option key={value} value={value}>
                {formatRole(value)}
              </option>
            ))}
          </optgroup>
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
