/**
 * Admin actions on people, for the org tree's member details (mounted by its owner): change the org role or
 * remove a member; change the workspace role or remove them from a workspace; and an invite form. Each goes through
 * the confirmation dialog (ConfirmActionDialog, rendered once by whoever mounts these) and calls `onChanged` after.
 * Role lists are the Admin API's (admin-api.md §3.2, §3.5); main re-checks them and says why when it refuses.
 */
import { useId, useState } from 'react';
import { useActionsStore } from '../../stores/useActionsStore';

export const ORG_ROLES_ASSIGNABLE = ['user', 'developer', 'billing', 'claude_code_user'] as const;
export const WORKSPACE_ROLES = [
  'workspace_user',
  'workspace_developer',
  'workspace_restricted_developer',
  'workspace_admin',
  'workspace_billing',
] as const;
const PROTECTED = ['admin', 'owner', 'primary_owner'];

export function OrgMemberActions({
  userId,
  role,
  onChanged,
}: {
  userId: string;
  role: string;
  onChanged?: () => void;
}) {
  const begin = useActionsStore((s) => s.begin);
  const [next, setNext] = useState(ORG_ROLES_ASSIGNABLE.find((r) => r !== role) ?? 'user');
  const id = useId();
  if (PROTECTED.includes(role))
    return (
      <p className="muted">The Admin API cannot change or remove a member with the {role} role; use the Console.</p>
    );
  return (
    <div className="member-actions" role="group" aria-label="Member actions">
      <label htmlFor={`${id}-role`}>Organization role</label>
      <select id={`${id}-role`} value={next} onChange={(e) => setNext(e.target.value as typeof next)}>
        {ORG_ROLES_ASSIGNABLE.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={next === role}
        onClick={() => void begin({ kind: 'user.set-role', userId, role: next }, onChanged)}
      >
        Change role
      </button>
      <button type="button" className="danger" onClick={() => void begin({ kind: 'user.remove', userId }, onChanged)}>
        Remove from organization…
      </button>
    </div>
  );
}

export function WorkspaceMemberActions(props: {
  workspaceId: string;
  userId: string;
  workspaceRole: string | null;
  onChanged?: () => void;
}) {
  const { workspaceId, userId, workspaceRole, onChanged } = props;
  const begin = useActionsStore((s) => s.begin);
  const [next, setNext] = useState<string>(workspaceRole ?? 'workspace_user');
  const id = useId();
  const choices = workspaceRole === null ? WORKSPACE_ROLES.filter((r) => r !== 'workspace_billing') : WORKSPACE_ROLES;
  return (
    <div className="member-actions" role="group" aria-label="Workspace membership actions">
      <label htmlFor={`${id}-wsrole`}>Workspace role</label>
      <select id={`${id}-wsrole`} value={next} onChange={(e) => setNext(e.target.value)}>
        {choices.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {workspaceRole === null ? (
        <button
          type="button"
          onClick={() => void begin({ kind: 'workspace-member.add', workspaceId, userId, role: next }, onChanged)}
        >
          Add to workspace
        </button>
      ) : (
        <>
          <button
            type="button"
            disabled={next === workspaceRole}
            onClick={() =>
              void begin({ kind: 'workspace-member.set-role', workspaceId, userId, role: next }, onChanged)
            }
          >
            Change workspace role
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void begin({ kind: 'workspace-member.remove', workspaceId, userId }, onChanged)}
          >
            Remove from workspace
          </button>
        </>
      )}
    </div>
  );
}

export function InviteForm({ onChanged }: { onChanged?: () => void }) {
  const begin = useActionsStore((s) => s.begin);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('user');
  const id = useId();
  return (
    <form
      className="invite-form"
      aria-label="Invite a member"
      onSubmit={(event) => {
        event.preventDefault();
        void begin({ kind: 'invite.create', email: email.trim(), role }, onChanged);
      }}
    >
      <label htmlFor={`${id}-email`}>Email</label>
      <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      <label htmlFor={`${id}-role`}>Role</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
        {ORG_ROLES_ASSIGNABLE.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="submit" disabled={email.trim() === ''}>
        Invite
      </button>
    </form>
  );
}

export function DeleteInviteButton({ inviteId, onChanged }: { inviteId: string; onChanged?: () => void }) {
  const begin = useActionsStore((s) => s.begin);
  return (
    <button type="button" className="danger" onClick={() => void begin({ kind: 'invite.delete', inviteId }, onChanged)}>
      Delete invite
    </button>
  );
}
