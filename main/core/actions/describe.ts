/**
 * One sentence per action for the confirmation, the result line and the audit trail, naming targets the way the
 * admin knows them ("Disable key 'ci-deploy' in Production"), falling back to ids the mirror does not know.
 */
import type { ActionContext, AdminAction } from './types';

export function describeAction(action: AdminAction, context: ActionContext = {}): string {
  const key = () =>
    `key '${context.key?.name ?? keyIdOf(action)}'${context.workspace ? ` in ${context.workspace.name}` : ''}`;
  const user = () =>
    context.user ? `${context.user.name || context.user.email} (${context.user.email})` : userIdOf(action);
  const ws = () => context.workspace?.name ?? workspaceIdOf(action);
  switch (action.kind) {
    case 'apikey.set-status':
      if (action.status === 'inactive') return `Disable ${key()}`;
      if (action.status === 'active') return `Re-enable ${key()}`;
      return `Archive ${key()} (irreversible)`;
    case 'apikey.rename':
      return `Rename ${key()} to '${action.name}'`;
    case 'invite.create':
      return `Invite ${action.email} as ${action.role}`;
    case 'invite.delete':
      return `Delete the pending invite for ${context.invite?.email ?? action.inviteId}`;
    case 'user.set-role':
      return `Change the role of ${user()} from ${context.user?.role ?? '?'} to ${action.role}`;
    case 'user.remove':
      return `Remove ${user()} from the organization`;
    case 'workspace-member.add':
      return `Add ${user()} to workspace ${ws()} as ${action.role}`;
    case 'workspace-member.set-role':
      return `Change the role of ${user()} in workspace ${ws()}${context.member ? ` from ${context.member.role}` : ''} to ${action.role}`;
    case 'workspace-member.remove':
      return `Remove ${user()} from workspace ${ws()}`;
  }
}

/** The past tense for the result line and the trail ("Disabled key …"). */
export function describeDone(action: AdminAction, context: ActionContext = {}): string {
  const text = describeAction(action, context).replace(' (irreversible)', '');
  const [verb = '', ...rest] = text.split(' ');
  const past: Record<string, string> = {
    Disable: 'Disabled',
    'Re-enable': 'Re-enabled',
    Archive: 'Archived',
    Rename: 'Renamed',
    Invite: 'Invited',
    Delete: 'Deleted',
    Change: 'Changed',
    Remove: 'Removed',
    Add: 'Added',
  };
  return [past[verb] ?? verb, ...rest].join(' ');
}

function keyIdOf(a: AdminAction): string {
  return 'keyId' in a ? a.keyId : '?';
}
function userIdOf(a: AdminAction): string {
  return 'userId' in a ? a.userId : '?';
}
function workspaceIdOf(a: AdminAction): string {
  return 'workspaceId' in a ? a.workspaceId : '?';
}
