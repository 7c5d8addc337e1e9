/**
 * A workspace's details below its facts: everyone who can reach it (members, and org admins, owners and billing
 * marked as implicit, with "assumed" where the API documents nothing) and its keys, from main's access read model
 * (`workspaces.access()`, the answer of `clade-admin access`). Members can be re-roled or removed and others added
 * through the existing confirmed and recorded admin actions (features/actions).
 */
import { useEffect, useId, useState } from 'react';
import type { AccessPerson, OrgWorkspace, WorkspaceAccess } from '../../../preload/contract';
import { ConfirmActionDialog, WorkspaceMemberActions } from '../actions';
import { formatDate, formatRole, formatStatus } from '../../lib/format';
import { useOrgStore } from '../../stores/useOrgStore';
import { useWorkspaceAccessStore } from '../../stores/useWorkspaceAccessStore';

export function WorkspaceAccessDetails({ workspace }: { workspace: OrgWorkspace }) {
  const { access, status, error, load } = useWorkspaceAccessStore();
  const reloadTree = useOrgStore((s) => s.load);
  useEffect(() => {
    void load(workspace.id);
  }, [load, workspace.id]);
  const refresh = () => {
    void load(workspace.id);
    void reloadTree();
  };
  if (status === 'error') return <p className="error">{error}</p>;
  if (!access || access.workspace.id !== workspace.id) return <p className="muted">Loading who can reach it…</p>;
  // The default workspace's membership follows the org (and has no id in the older API shape): not editable here.
  const editable = workspace.id !== null && !workspace.isDefault && !workspace.archived;
  return (
    <div className="workspace-access">
      <People access={access} workspaceId={editable ? workspace.id : null} onChanged={refresh} />
      {editable && workspace.id !== null && access.addable.length > 0 && (
        <AddMember access={access} workspaceId={workspace.id} onChanged={refresh} />
      )}
      <Keys access={access} />
      <ConfirmActionDialog />
    </div>
  );
}

function People(props: { access: WorkspaceAccess; workspaceId: string | null; onChanged: () => void }) {
  const { access, workspaceId, onChanged } = props;
  const implicit = access.people.filter((p) => p.via === 'implicit').length;
  return (
    <section aria-labelledby="access-people-heading">
      <h3 id="access-people-heading">
        Who can reach it ({access.people.length}: {access.people.length - implicit} members, {implicit} implicit)
      </h3>
      <ul className="access-list">
        {access.people.map((person) => (
          <li key={person.userId}>
            <strong>{person.name}</strong> <span className="muted">{person.email}</span>
            <div>
              {formatRole(person.workspaceRole)} · <AccessBadge person={person} />
            </div>
            {workspaceId !== null && person.memberRole !== null && person.implicitRole !== 'workspace_admin' && (
              <details>
                <summary aria-label={`Manage ${person.name}'s membership`}>Manage</summary>
                <WorkspaceMemberActions
                  workspaceId={workspaceId}
                  userId={person.userId}
                  workspaceRole={person.memberRole}
                  onChanged={onChanged}
                />
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Member", "Implicit · org admin", "Member + org billing", with "(assumed)" where the API documents nothing. */
function AccessBadge({ person }: { person: AccessPerson }) {
  const assumed = person.assumed ? ' (assumed)' : '';
  if (person.via === 'member') return <>Member</>;
  const text =
    person.via === 'both'
      ? `Member + ${person.implicitBecause}${assumed}`
      : `Implicit · ${person.implicitBecause}${assumed}`;
  return (
    <span
      className="badge implicit-badge"
      title={
        person.assumed
          ? 'Assumed: the Admin API documents implicit access for org admins and billing only.'
          : 'Given by the org role in every workspace, without a membership.'
      }
    >
      {text}
    </span>
  );
}

function AddMember(props: { access: WorkspaceAccess; workspaceId: string; onChanged: () => void }) {
  const { access, workspaceId, onChanged } = props;
  const [userId, setUserId] = useState(access.addable[0]!.userId);
  const id = useId();
  const chosen = access.addable.some((u) => u.userId === userId) ? userId : access.addable[0]!.userId;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add a member</h3>
      <label htmlFor={`${id}-person`}>Person</label>
      <select id={`${id}-person`} value={chosen} onChange={(e) => setUserId(e.target.value)}>
        {access.addable.map((u) => (
          <option key={u.userId} value={u.userId}>
            {u.name} ({u.email})
          </option>
        ))}
      </select>
      <WorkspaceMemberActions
        key={chosen}
        workspaceId={workspaceId}
        userId={chosen}
        workspaceRole={null}
        onChanged={onChanged}
      />
    </section>
  );
}

function Keys({ access }: { access: WorkspaceAccess }) {
  return (
    <section aria-labelledby="access-keys-heading">
      <h3 id="access-keys-heading">API keys ({access.keys.length})</h3>
      {access.keys.length === 0 ? (
        <p className="muted">No keys in this workspace.</p>
      ) : (
        <ul className="access-list">
          {access.keys.map((key) => (
            <li key={key.id}>
              <strong>{key.name}</strong>
              <div>
                {key.status === 'active' && key.verdict !== 'ok' ? `Active · ${key.verdict}` : formatStatus(key.status)}
                {' · created '}
                {formatDate(key.createdAtMs)}
                {key.creatorName ? ` by ${key.creatorName}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
      {access.organizationKeys.length > 0 && (
        <p className="muted">
          {access.organizationKeys.length} organization-scoped key(s) reach what their principal reaches.
        </p>
      )}
    </section>
  );
}
