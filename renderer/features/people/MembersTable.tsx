/**
 * The org's members: org role, member since, admin since, workspaces (with the workspace role), active keys they
 * created and their last Claude Code day. A row opens the member's details and actions (Enter or click).
 */
import type { Person } from '../../../preload/contract';
import { formatDate, formatRole } from '../../lib/format';
import { formatAdminSince, formatOrgRole, plural } from './people-format';

export function MembersTable({
  members,
  openId,
  onOpen,
}: {
  members: Person[];
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  if (members.length === 0) return <p className="muted">No members in the mirror yet.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Members table">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Org role</th>
            <th scope="col">Member since</th>
            <th scope="col">Admin since</th>
            <th scope="col">Workspaces</th>
            <th scope="col" className="num">
              Active keys created
            </th>
            <th scope="col">Last Claude Code day</th>
          </tr>
        </thead>
        <tbody>
          {members.map((person) => (
            <tr
              key={person.id}
              className={person.id === openId ? 'selected' : undefined}
              onClick={() => onOpen(person.id)}
              onKeyDown={(event) => event.key === 'Enter' && onOpen(person.id)}
              tabIndex={0}
              aria-label={`${person.name}, ${formatOrgRole(person.role)}: press Enter for details and actions`}
            >
              <th scope="row">
                <span className="person-name">{person.name}</span>
                <span className="person-email">{person.email}</span>
              </th>
              <td>{formatOrgRole(person.role)}</td>
              <td>{formatDate(person.addedAtMs)}</td>
              <td>{formatAdminSince(person)}</td>
              <td title={person.workspaces.map((w) => `${w.name}: ${formatRole(w.role)}`).join('\n')}>
                {person.workspaces.length === 0 ? '—' : plural(person.workspaces.length, 'workspace')}
              </td>
              <td className="num">{person.keysCreated.length}</td>
              <td>{person.lastClaudeCodeDayMs === null ? '—' : formatDate(person.lastClaudeCodeDayMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
