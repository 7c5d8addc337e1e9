/**
 * One member's details: their workspaces with the workspace role, the active keys they created, and the org-role
 * actions (change role, remove) through the confirmed and recorded admin actions (MemberActions.tsx), and
 * "Offboard…", which opens the offboarding assistant (features/offboarding/OffboardDialog.tsx).
 */
import type { Person } from '../../../preload/contract';
import { formatDate, formatRole } from '../../lib/format';
import { OrgMemberActions } from '../actions/MemberActions';
import { useOffboardingStore } from '../../stores/useOffboardingStore';
import { formatAdminSince, formatClaudeCode30d, formatOrgRole } from './people-format';

export function MemberDetail({
  person,
  onClose,
  onChanged,
}: {
  person: Person;
  onClose: () => void;
  onChanged: () => void;
}) {
  const openOffboarding = useOffboardingStore((state) => state.open);
  return (
    <section className="person-detail" aria-labelledby="person-detail-title">
      <div className="view-title">
        <h3 id="person-detail-title">{person.name}</h3>
        <button type="button" onClick={onClose} aria-label="Close member details">
          Close
        </button>
      </div>
      <dl>
        <dt>Email</dt>
        <dd>{person.email}</dd>
        <dt>Org role</dt>
        <dd>{formatOrgRole(person.role)}</dd>
        <dt>Member since</dt>
        <dd>{formatDate(person.addedAtMs)}</dd>
        <dt>Admin since</dt>
        <dd>{formatAdminSince(person)}</dd>
        <dt>Last Claude Code day</dt>
        <dd>{person.lastClaudeCodeDayMs === null ? 'none seen' : formatDate(person.lastClaudeCodeDayMs)}</dd>
        <dt>Claude Code, last 30 days</dt>
        <dd data-testid="person-claude-code">{formatClaudeCode30d(person.claudeCode30d)}</dd>
        <dt>Id</dt>
        <dd>
          <code>{person.id}</code>
        </dd>
      </dl>
      <h4>Workspaces</h4>
      {person.workspaces.length === 0 ? (
        <p className="muted">Not a member of any workspace.</p>
      ) : (
        <ul>
          {person.workspaces.map((workspace) => (
            <li key={workspace.id}>
              {workspace.name}: {formatRole(workspace.role)}
            </li>
          ))}
        </ul>
      )}
      <h4>Active keys created</h4>
      {person.keysCreated.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {person.keysCreated.map((key) => (
            <li key={key.id}>{key.name}</li>
          ))}
        </ul>
      )}
      <OrgMemberActions userId={person.id} role={person.role} onChanged={onChanged} />
      <p>
        <button type="button" onClick={() => void openOffboarding(person.id, onChanged)}>
          Offboard…
        </button>
      </p>
    </section>
  );
}
